import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser"
import { describe, expect, it } from "vitest"
import en from "../../../messages/en.json"
import sw from "../../../messages/sw.json"

type Tree = { [key: string]: string | Tree }

/** Every message's dotted path ("cart.title"). */
function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)
  )
}

/** The {name} arguments an ICU message uses, inside plural and select branches too. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) {
      continue
    }
    found.add(element.value)
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      Object.values(element.options).forEach((option) => argumentsOf(option.value, found))
    } else if (element.type === TYPE.tag) {
      argumentsOf(element.children, found)
    }
  }
  return found
}

function args(message: string): string[] {
  return [...argumentsOf(parse(message))].sort()
}

function lookup(tree: Tree, path: string): string {
  return path.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string
}

describe("messages", () => {
  const english = keys(en)
  const swahili = keys(sw)

  it("Swahili has every English message", () => {
    expect(english.filter((k) => !swahili.includes(k))).toEqual([])
  })

  it("English has every Swahili message", () => {
    expect(swahili.filter((k) => !english.includes(k))).toEqual([])
  })

  it("every message is valid ICU", () => {
    expect(() => [...english.map((k) => parse(lookup(en, k))), ...swahili.map((k) => parse(lookup(sw, k)))]).not.toThrow()
  })

  it("no message is empty", () => {
    expect([...english.filter((k) => !lookup(en, k).trim()), ...swahili.filter((k) => !lookup(sw, k).trim())]).toEqual([])
  })

  it("both languages fill in the same values", () => {
    const mismatched = english.filter((k) => swahili.includes(k) && args(lookup(en, k)).join() !== args(lookup(sw, k)).join())
    expect(mismatched).toEqual([])
  })
})
