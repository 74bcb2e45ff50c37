import { compileTemplate, findTemplateProblems, MAX_TEMPLATE_LENGTH, TemplateRenderError, VariableSpec } from "../engine"
import { LIQUID } from "../engine/liquid"

const VARS: VariableSpec = { name: "value", items: { list: { title: "value" } } }

const problems = (source: string) => findTemplateProblems(source, { variables: VARS }).map((p) => p.message)
const render = (source: string, data: Record<string, unknown>, mode: "html" | "text") =>
  compileTemplate(source, { variables: VARS }, "test").render(data, mode)

describe("the locked-down Liquid", () => {
  it.each([
    ["include", "{% include 'header' %}", /tag "include" not found/],
    ["render", "{% render 'header' %}", /tag "render" not found/],
    ["layout", "{% layout 'base' %}", /tag "layout" not found/],
    ["block", "{% block main %}x{% endblock %}", /tag "block" not found/],
    ["echo (prints unescaped in some versions)", "{% echo name %}", /tag "echo" not found/],
    ["liquid", "{% liquid\nassign a = name\n%}", /tag "liquid" not found/],
    ["tablerow", "{% tablerow item in items %}{% endtablerow %}", /tag "tablerow" not found/],
    ["raw filter (unescaped output)", "{{ name | raw }}", /undefined filter: raw/],
    ["unknown filter", "{{ name | shout }}", /undefined filter: shout/],
    ["unknown variable", "{{ secret }}", /unknown variable \{\{secret\}\}; this template knows items, name/],
    ["prototype of a value", "{{ name.constructor }}", /nested names are not available/],
    ["prototype of an item", "{% for item in items %}{{ item.constructor }}{% endfor %}", /unknown variable \{\{item.constructor\}\}/],
    ["computed lookup", "{{ items[0] }}", /use plain names/],
  ])("refuses %s", (_label, source, message) => {
    expect(problems(source)).toEqual([expect.stringMatching(message)])
  })

  it.each([
    ["filters", "{{ name | upcase | truncate: 4 }}", { name: "wanjiku" }, "W..."],
    ["default filter", "{{ name | default: 'friend' }}", { name: "" }, "friend"],
    ["assign and capture", "{% assign n = name | downcase %}{% capture c %}[{{ n }}]{% endcapture %}{{ c }}", { name: "A" }, "[a]"],
    ["case", "{% case name %}{% when 'a' %}A{% else %}?{% endcase %}", { name: "a" }, "A"],
    ["raw tag keeps braces literal", "{% raw %}{{ name }}{% endraw %}", { name: "x" }, "{{ name }}"],
    ["forloop", "{% for item in items %}{{ forloop.index }}{{ item.title }}{% endfor %}", { items: [{ title: "a" }, { title: "b" }] }, "1a2b"],
    ["list size", "{{ items.size }}", { items: [{ title: "a" }] }, "1"],
  ])("allows %s", (_label, source, data, expected) => {
    expect(problems(source)).toEqual([])
    expect(render(source, data, "text")).toBe(expected)
  })

  it("escapes HTML from variables in HTML bodies, also after filters, and not in text", () => {
    const data = { name: `<img src=x onerror="alert(1)">` }
    expect(render("<p>{{ name }}</p>", data, "html")).toBe("<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>")
    expect(render("{{ name | upcase }}", data, "html")).toBe("&lt;IMG SRC=X ONERROR=&quot;ALERT(1)&quot;&gt;")
    expect(render("{{ name }}", data, "text")).toBe(data.name)
  })

  it.each([
    ["a range of 100 million (memory)", "{% for i in (1..100000000) %}x{% endfor %}", /memory alloc limit exceeded/],
    ["a string doubled until it is huge (memory)", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}", /memory alloc limit exceeded/],
    // `limit: 1` keeps the loop cheap: every inner range is still counted in full, so memory trips
    // after 200 rounds whatever the machine's speed, never the 2-s render-time limit first (seen on a loaded CI).
    ["nested loops (memory: ranges count too)", "{% for i in (1..5000) %}{% for j in (1..5000) limit: 1 %}{% endfor %}{% endfor %}", /memory alloc limit exceeded/],
  ])("stops %s with a limit error, and the next render starts afresh", (_label, source, message) => {
    expect(problems(source)).toEqual([])
    const template = compileTemplate(source, { variables: VARS }, "order-placed sms")
    let error: unknown
    try {
      template.render({}, "text")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TemplateRenderError)
    expect((error as Error).message).toMatch(/^order-placed sms: line \d+, column \d+: /)
    expect((error as Error).message).toMatch(message)
    expect(render("{% for i in (1..3) %}{{ i }}{% endfor %}", {}, "text")).toBe("123")
  })

  it("has a parse, render-time and memory limit in both modes", () => {
    // The render-time limit is a number of milliseconds; a test that trips it
    // would depend on the machine's speed, so only its presence is checked.
    for (const liquid of Object.values(LIQUID)) {
      expect(liquid.options).toEqual(
        expect.objectContaining({ parseLimit: MAX_TEMPLATE_LENGTH, renderLimit: 2_000, memoryLimit: 1_000_000 })
      )
    }
  })

  it("refuses a template over the size limit", () => {
    const source = "x".repeat(MAX_TEMPLATE_LENGTH + 1)
    expect(problems(source)).toEqual([`is ${MAX_TEMPLATE_LENGTH + 1} characters long; the limit is ${MAX_TEMPLATE_LENGTH}`])
    expect(problems("x".repeat(MAX_TEMPLATE_LENGTH))).toEqual([])
  })

  it("reads no files and no prototype properties, even without our checks", () => {
    for (const liquid of Object.values(LIQUID)) {
      expect(() => liquid.renderFileSync("/etc/passwd")).toThrow(/Failed to lookup/)
      expect(() => liquid.parseFileSync("../package.json")).toThrow(/Failed to lookup/)
      const template = liquid.parse("[{{ a.constructor }}{{ a.__proto__ }}{{ a['toString'] }}{{ b.x }}]")
      expect(liquid.renderSync(template, { a: {}, b: Object.create({ x: "inherited" }) }, { strictVariables: false })).toBe("[]")
      expect(() => liquid.renderSync(template, { a: {}, b: {} })).toThrow(/undefined variable: a.constructor/)
    }
  })
})
