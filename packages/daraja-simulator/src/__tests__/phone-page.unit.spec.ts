import type { DarajaSimulator } from "../index"
import { start } from "./helpers/daraja"

describe("phone page", () => {
  let sim: DarajaSimulator

  beforeAll(async () => {
    sim = await start()
  })
  afterAll(() => sim.stop())

  it.each(["/", "/phone"])("serves self-contained HTML at %s", async (path) => {
    const res = await fetch(`${sim.url}${path}`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain('id="auto-approve"')
    expect(html).toContain("/__simulator")
    // No external assets or CDNs.
    expect(html).not.toMatch(/(src|href)="https?:/)
  })

  it("ships an inline script that parses", async () => {
    const html = await (await fetch(`${sim.url}/phone`)).text()
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? ""
    expect(script.length).toBeGreaterThan(100)
    expect(() => new Function(script)).not.toThrow()
    // Caller-supplied values are rendered as text, never as markup.
    expect(script).not.toContain("innerHTML")
  })

  it("can be turned off", async () => {
    const headless = await start({ phonePage: false })
    try {
      const res = await fetch(`${headless.url}/phone`)
      expect(res.status).toBe(404)
      expect(((await res.json()) as Record<string, unknown>).errorCode).toBe("404.001.01")
    } finally {
      await headless.stop()
    }
  })
})
