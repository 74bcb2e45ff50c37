// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { beforeEach, describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import type { ActionState } from "@/lib/data/action-state"
import { type FormAction, useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

const push = vi.fn()
const refresh = vi.fn()
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh }) }))

function Form({ action }: { action: FormAction }) {
  const { state, pending, formProps } = useFormAction(action)
  return (
    <form {...formProps}>
      <input name="code" defaultValue="KARIBU10" />
      <SubmitButton pendingLabel="Applying…" pending={pending}>
        Apply
      </SubmitButton>
      {state.error ? <p role="alert">{state.error}</p> : null}
      {state.message ? <p>{state.message}</p> : null}
    </form>
  )
}

function deferred() {
  let resolve!: (value: ActionState) => void
  const promise = new Promise<ActionState>((r) => (resolve = r))
  return { promise, resolve }
}

describe("useFormAction", () => {
  beforeEach(() => {
    push.mockReset()
    refresh.mockReset()
  })

  it("shows the pending label while the action runs, then the answer, then refreshes the page", async () => {
    const answer = deferred()
    const action = vi.fn((_prev: ActionState, _data: FormData) => answer.promise)
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    expect(screen.getByRole("button", { name: "Applying…" })).toBeDisabled()
    expect(action).toHaveBeenCalledTimes(1)
    expect(action.mock.calls[0][1].get("code")).toBe("KARIBU10")
    answer.resolve({ ok: true, message: "Promo code KARIBU10 applied." })
    await screen.findByText("Promo code KARIBU10 applied.")
    expect(screen.getByRole("button", { name: "Apply" })).toBeEnabled()
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
    expect(push).not.toHaveBeenCalled()
  })

  it("goes to the answer's next page, and re-renders the layout when asked", async () => {
    const action = vi.fn(async () => ({ ok: true, redirectTo: "/ke/order/order_1/pay", refreshLayout: true }))
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    await waitFor(() => expect(push).toHaveBeenCalledWith("/ke/order/order_1/pay"))
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it("shows an error and leaves the page as it is", async () => {
    const action = vi.fn(async () => ({ error: "That promo code isn't valid." }))
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    expect((await screen.findByRole("alert")).textContent).toBe("That promo code isn't valid.")
    expect(refresh).not.toHaveBeenCalled()
    expect(push).not.toHaveBeenCalled()
  })

  it("says so when the action could not be reached, and the form can be sent again", async () => {
    const action = vi.fn().mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce({ ok: true, message: "Done." })
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/try again/)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    await screen.findByText("Done.")
    expect(action).toHaveBeenCalledTimes(2)
  })
})
