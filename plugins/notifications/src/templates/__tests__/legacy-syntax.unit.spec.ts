import { compileTemplate, VariableSpec } from "../engine"
import { isLegacySyntax, legacyToLiquid, liquidParts } from "../legacy-syntax"
import { checkOverrides } from "../overrides"

const VARS: VariableSpec = {
  name: "value",
  total: "value",
  paid: "value",
  items: { list: { title: "value", quantity: "value" } },
}

describe("legacyToLiquid", () => {
  it.each([
    ["plain text", "Hello", "Hello"],
    ["variables are already Liquid", "Hi {{name}} and {{ total }}", "Hi {{name}} and {{ total }}"],
    ["Liquid is left alone", "{% if paid %}{{name}}{% endif %}", "{% if paid %}{{name}}{% endif %}"],
    ["if / else", "{{#if paid}}paid{{else}}due{{/if}}", "{% if paid %}paid{% else %}due{% endif %}"],
    ["unless", "{{#unless paid}}due{{/unless}}", "{% unless paid %}due{% endunless %}"],
    ["spaces inside tags", "{{ #if paid }}x{{ /if }}", "{% if paid %}x{% endif %}"],
    ["a list as a condition", "{{#if items}}x{{else}}none{{/if}}", "{% if items.size > 0 %}x{% else %}none{% endif %}"],
    [
      "each: item fields get the loop variable, outer names do not",
      "{{#each items}}{{quantity}}x{{title}} {{name}}{{#if title}}!{{/if}};{{/each}}",
      "{% for item in items %}{{ item.quantity }}x{{ item.title }} {{name}}{% if item.title %}!{% endif %};{% endfor %}",
    ],
    ["comments", "a{{! a note }}b", "a{% comment %}a note{% endcomment %}b"],
    ["text that Liquid would read as a tag", "50{%} off {{#if paid}}x{{/if}}", "{% raw %}50{%} off {% endraw %}{% if paid %}x{% endif %}"],
  ])("%s", (_label, source, expected) => {
    expect(legacyToLiquid(source, VARS)).toBe(expected)
    expect(legacyToLiquid(expected, VARS)).toBe(expected)
  })

  // The rendering table of the engine before Liquid: same data, same output after conversion.
  it.each([
    ["{{#if paid}}paid{{/if}}", { paid: true }, "paid"],
    ["{{#if paid}}paid{{else}}due{{/if}}", { paid: false }, "due"],
    ["{{#if name}}x{{else}}y{{/if}}", { name: "" }, "y"],
    ["{{#if items}}x{{else}}none{{/if}}", { items: [] }, "none"],
    ["{{#if items}}x{{else}}none{{/if}}", { items: [{ title: "T" }] }, "x"],
    ["{{#unless paid}}due{{/unless}}", { paid: false }, "due"],
    ["{{#each items}}{{quantity}}x{{title}};{{/each}}", { items: [{ title: "Tea", quantity: 2 }, { title: "Coffee", quantity: 1 }] }, "2xTea;1xCoffee;"],
    ["{{#each items}}{{name}}:{{title}} {{/each}}", { name: "N", items: [{ title: "T" }] }, "N:T "],
    ["{{#each items}}x{{/each}}", { items: "oops" }, ""],
    ["a{{! a note }}b", {}, "ab"],
    ["{{#if paid}}{{#each items}}{{title}}{{/each}}{{/if}}", { paid: 1, items: [{ title: "T" }] }, "T"],
  ])("%s renders as before once converted", (source, data, expected) => {
    const liquid = legacyToLiquid(source, VARS)
    expect(compileTemplate(liquid, { variables: VARS }, "test").render(data, "text")).toBe(expected)
  })
})

describe("isLegacySyntax", () => {
  it.each([
    ["{{name}}", false],
    ["{% if a %}{% endif %}", false],
    ["{{#if a}}{{/if}}", true],
    ["{{! note }}", true],
    ["{{else}}", true],
  ])("%s → %s", (source, expected) => {
    expect(isLegacySyntax(source)).toBe(expected)
  })
})

describe("liquidParts (one stored override row)", () => {
  it.each([
    [{ template: "order-placed", sms: "Hi {{customer_first_name}}", subject: null }, undefined],
    [{ template: "no-longer-exists", sms: "{{#if x}}y{{/if}}" }, undefined],
    [
      { template: "order-placed", sms: "{{#if carrier}}c{{/if}}", text: "{{#each items}}{{title}}{{/each}}", html: null },
      { sms: "{% if carrier %}c{% endif %}", text: "{% for item in items %}{{ item.title }}{% endfor %}" },
    ],
  ])("%j → %j", (row, expected) => {
    expect(liquidParts(row)).toEqual(expected)
  })

  it("produces overrides the new checks accept", () => {
    const row = {
      template: "payment-received",
      sms: "{{store_name}}: {{#if mpesa_receipt}}receipt {{mpesa_receipt}}{{else}}paid{{/if}}",
      html: "<table>{{#each items}}<tr><td>{{title}}</td><td>{{total}}</td></tr>{{/each}}</table>",
    }
    const parts = liquidParts(row)!
    expect(checkOverrides({ "payment-received": { en: parts } })).toEqual([])
  })
})

describe("old syntax in a new override", () => {
  it("is refused with the Liquid to write instead", () => {
    expect(checkOverrides({ "order-placed": { en: { sms: "{{#if carrier}}{{carrier}}{{/if}}" } } })).toEqual([
      {
        path: "templates.order-placed.en.sms",
        message: "line 1, column 1: uses {{#if}}/{{#each}} blocks from before Liquid; in Liquid: {% if carrier %}{{carrier}}{% endif %}",
      },
    ])
  })
})
