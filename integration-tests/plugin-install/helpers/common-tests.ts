/**
 * The checks every plugin's install test makes besides its main path:
 * the tarball's shape, that the admin extensions reached the built admin,
 * and (after the main path) that the app ran the tarball's copy, never the
 * workspace's.
 */
import type { Installed } from "./install"

export function packagingAndAdminTests(get: () => Installed, adminMarkers: string[]) {
  it("packs only its build, README, LICENSE, CHANGELOG and package.json, with exact Medusa peers and declared imports", () => {
    const { report, packed } = get()
    expect(report.problems).toEqual([])
    expect(report.files).toContain(".medusa/server/src/admin/index.mjs")
    expect(report.manifest.version).toBe(packed.version)
  })

  it("ships its admin extensions into the app's built admin, served at /app", async () => {
    const { app } = get()
    const built = app.builtAdminText()
    for (const marker of adminMarkers) {
      expect({ marker, inBuiltAdmin: built.includes(marker) }).toEqual({ marker, inBuiltAdmin: true })
    }
    const res = await fetch(`${app.url}/app`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="medusa"')
  })
}

/** Last in each file: by then the main path has run, so the plugin's routes have been loaded too. */
export function ranFromTarballTest(get: () => Installed) {
  it("runs the copy installed from the tarball, never the workspace's", () => {
    const { app } = get()
    expect(app.workspaceResolutions()).toEqual([])
    const loaded = app.pluginFilesLoaded()
    // Medusa found the plugin (its package.json) and loaded its module from the app's node_modules…
    expect(loaded).toContain(`${app.pluginDir}/package.json`)
    expect(loaded.some((f) => f.includes("/.medusa/server/src/modules/"))).toBe(true)
    // …and the production server (in .medusa/server) its API routes.
    expect(loaded.some((f) => f.startsWith(app.serverDir) && f.includes("/.medusa/server/src/api/"))).toBe(true)
    expect(loaded.every((f) => f.startsWith(app.root))).toBe(true)
  })
}
