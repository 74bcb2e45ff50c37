import { notificationsPluginOptions } from "./notifications"

type Env = Record<string, string | undefined>

/** The Soko plugins and their options, from the environment. */
export function sokoPlugins(_env: Env) {
  return [
    { resolve: "@soko/medusa-plugin-mpesa", options: {} },
    { resolve: "@soko/medusa-plugin-order-rules", options: {} },
    { resolve: "@soko/medusa-plugin-notifications", options: notificationsPluginOptions(_env) },
  ]
}
