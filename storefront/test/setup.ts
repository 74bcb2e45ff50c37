import { afterEach } from "vitest"

afterEach(async () => {
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react")
    cleanup()
  }
})

import "@testing-library/jest-dom/vitest"
