"use client"

import { createContext, useContext } from "react"

/**
 * The few words that client code on every page needs: a form's "the action
 * failed" message (action-form.tsx) and the shop's error page
 * (app/[country]/error.tsx). The root layout translates them on the server and
 * hands them down here, so pages whose own components need no translations
 * (home, catalog, product) ship without next-intl's client runtime; pages whose
 * client components translate or format render `ClientIntl` (client-intl.tsx).
 */
export type ShellWords = {
  actionFailed: string
  error: { title: string; text: string; retry: string }
}

const ShellWordsContext = createContext<ShellWords | null>(null)

export function ShellWordsProvider({ words, children }: { words: ShellWords; children: React.ReactNode }) {
  return <ShellWordsContext.Provider value={words}>{children}</ShellWordsContext.Provider>
}

export function useShellWords(): ShellWords {
  const words = useContext(ShellWordsContext)
  if (!words) {
    throw new Error("useShellWords: no ShellWordsProvider above (the root layout renders it)")
  }
  return words
}
