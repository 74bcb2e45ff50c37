import { compileTemplate, findTemplateProblems, InvalidTemplateError, VariableSpec } from "../engine"
import { checkMarkup } from "../engine/check-markup"

const VARS: VariableSpec = {
  name: "value",
  total: "value",
  paid: "value",
  items: { list: { title: "value", quantity: "value" } },
}

const render = (source: string, data: Record<string, unknown>, mode: "html" | "text" = "text") =>
  compileTemplate(source, { variables: VARS }, "test").render(data, mode)

describe("template engine: rendering", () => {
  it.each([
    ["plain text", "Hello", {}, "Hello"],
    ["variable", "Hi {{name}}!", { name: "Achieng" }, "Hi Achieng!"],
    ["spaces inside tags", "Hi {{ name }}", { name: "A" }, "Hi A"],
    ["missing value renders empty", "Hi {{name}}.", {}, "Hi ."],
    ["null renders empty", "[{{name}}]", { name: null }, "[]"],
    ["number", "{{total}}", { total: 3350 }, "3350"],
    ["if true", "{% if paid %}paid{% endif %}", { paid: true }, "paid"],
    ["if false with else", "{% if paid %}paid{% else %}due{% endif %}", { paid: false }, "due"],
    ["if empty string", "{% if name %}x{% else %}y{% endif %}", { name: "" }, "y"],
    ["if empty list", "{% if items.size > 0 %}x{% else %}none{% endif %}", { items: [] }, "none"],
    ["unless", "{% unless paid %}due{% endunless %}", { paid: false }, "due"],
    [
      "each with item fields",
      "{% for item in items %}{{ item.quantity }}x{{ item.title }};{% endfor %}",
      { items: [{ title: "Tea", quantity: 2 }, { title: "Coffee", quantity: 1 }] },
      "2xTea;1xCoffee;",
    ],
    ["each sees outer names", "{% for item in items %}{{name}}:{{ item.title }} {% endfor %}", { name: "N", items: [{ title: "T" }] }, "N:T "],
    ["each over non-list renders nothing", "{% for item in items %}x{% endfor %}", { items: "oops" }, ""],
    ["comments vanish", "a{% comment %} a note {% endcomment %}b{% # another %}", {}, "ab"],
    ["nested blocks", "{% if paid %}{% for item in items %}{{ item.title }}{% endfor %}{% endif %}", { paid: 1, items: [{ title: "T" }] }, "T"],
  ])("%s", (_label, source, data, expected) => {
    expect(render(source, data)).toBe(expected)
  })

  it("escapes HTML in html mode only", () => {
    const data = { name: `<b>"Tom" & 'Jerry'</b>` }
    expect(render("{{name}}", data, "html")).toBe("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    expect(render("{{name}}", data, "text")).toBe(data.name)
  })

  it("never evaluates object values or prototype properties", () => {
    expect(render("{{name}}", { name: { toString: () => "hacked" } })).toBe("")
    expect(render("[{{total}}]", Object.create({ total: "inherited" }))).toBe("[]")
  })
})

describe("template engine: problems are reported with line and column", () => {
  it.each([
    ["unknown variable", "Hi {{nmae}}", /line 1, column 4: unknown variable \{\{nmae\}\}; this template knows items, name, paid, total/],
    ["unclosed tag", "Hi {{name", /line 1, column 4: output "\{\{name" not closed/],
    ["unclosed block", "{% if paid %}x", /tag \{% if paid %\} not closed/],
    ["mismatched close", "{% if paid %}{% endfor %}", /line 1, column 14: tag "endfor" not found/],
    ["stray close", "x{% endif %}", /line 1, column 2: tag "endif" not found/],
    ["unknown block", "{% with name %}{% endwith %}", /tag "with" not found/],
    ["triple braces", "{{{name}}}", /invalid value expression: "\{name"/],
    ["unescaped output", "{{ name | raw }}", /undefined filter: raw/],
    ["else outside block", "{% else %}", /tag "else" not found/],
    ["two elses", "{% if paid %}a{% else %}b{% else %}c{% endif %}", /duplicated else/],
    ["empty tag", "{{}}", /invalid value expression: ""/],
    ["expression", "{{name + 1}}", /expected "\|" before filter/],
    ["each over a value", "{% for x in name %}x{% endfor %}", /line 1, column 1: \{% for x in name %\}: name is not a list/],
    ["list printed as value", "{{items}}", /is a list/],
    ["list as a condition (always true in Liquid)", "{% if items %}x{% endif %}", /\{\{items\}\} is a list; .*items.size > 0/],
    ["unknown item field", "{% for item in items %}{{ item.price }}{% endfor %}", /line 1, column 24: unknown variable \{\{item.price\}\}; item has item.quantity, item.title/],
    ["loop item outside its loop", "{% for item in items %}{% endfor %}{{ item.title }}", /unknown variable \{\{item.title\}\}/],
    ["dotted path", "{{items.title}}", /nested names are not available/],
    ["dotted path on a value", "{{name.first}}", /nested names are not available/],
    ["second line position", "ok\n  {{oops}}", /line 2, column 3/],
  ])("%s", (_label, source, message) => {
    let error: unknown
    try {
      compileTemplate(source, { variables: VARS }, "order-placed sms")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidTemplateError)
    expect((error as Error).message).toMatch(/^order-placed sms: /)
    expect((error as Error).message).toMatch(message)
  })

  it("lists every problem at once", () => {
    const problems = findTemplateProblems("{{a}} {{b}}", { variables: VARS })
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining("{{a}}"),
      expect.stringContaining("{{b}}"),
    ])
  })
})

describe("markup check", () => {
  it.each([
    ["balanced", "<p>Hi <strong>you</strong></p>", undefined],
    ["void and self-closing tags", '<p>a<br>b<img src="x"/><hr /></p>', undefined],
    ["comments and doctype", "<!DOCTYPE html><!-- note --><div></div>", undefined],
    ["lone less-than in text", "<p>1 < 2</p>", undefined],
    ["quoted > inside attribute", '<a title="a>b" href="x">y</a>', undefined],
    ["unclosed element", "<div><p>x</p>", /<div> is never closed/],
    ["wrong order", "<p><b>x</p></b>", /<\/p> closes <b> opened at line 1, column 4/],
    ["never opened", "x</td>", /<\/td> closes a tag that was never opened/],
    ["unterminated tag", "<p>x</p><a href='y'", /not closed with `>`|quote/],
    ["unterminated quote", '<a href="x>y</a>', /attribute quote \("\) is never closed/],
    ["tag cut by another", "<td <b>x</b>", /not closed with `>`/],
    ["script", "<script>alert(1)</script>", /scripts/],
    ["event handler", '<img src="x" onerror="alert(1)">', /event handlers/],
    ["javascript url", '<a href="javascript:alert(1)">x</a>', /scripts/],
    ["unclosed comment", "<!-- x", /comment/],
  ])("%s", (_label, source, message) => {
    const problem = checkMarkup(source)
    if (message === undefined) {
      expect(problem).toBeUndefined()
    } else {
      expect(problem?.message).toMatch(message)
    }
  })

  it("is applied to html templates, with template tags neutralised", () => {
    expect(
      findTemplateProblems('<a href="{{name}}">{% if paid %}<b>x</b>{% endif %}{% comment %}<p>{% endcomment %}</a>', { variables: VARS, html: true })
    ).toEqual([])
    expect(findTemplateProblems("<p>{{name}}", { variables: VARS, html: true })).toEqual([
      expect.objectContaining({ message: "broken markup: <p> is never closed", line: 1, column: 1 }),
    ])
  })
})
