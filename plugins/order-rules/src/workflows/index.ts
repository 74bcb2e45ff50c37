export * from "./set-initial-order-status"
export * from "./steps/create-order-lifecycle"
