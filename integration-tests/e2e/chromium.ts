import fs from "node:fs"

/** Debian's Chromium (`apt-get install chromium`); Playwright downloads no browser of its own here. */
export const CHROMIUM = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"

export const hasChromium = () => fs.existsSync(CHROMIUM)

export const skipReason = () => `Chromium not found at ${CHROMIUM}; install Debian's chromium package to run the browser journeys`
