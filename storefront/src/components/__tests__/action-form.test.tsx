// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import type { ActionState } from "@/lib/data/action-state"
import { type FormAction, useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

/** What Next's client hands back when the action ended in redirect(): the call rejects with this. */
function redirectError(to: string) {
  return Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;push;${to};307;` })
}

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
  it("shows the pending label while the action runs, then the answer", async () => {
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
  })

  it("lets an action's redirect through: no error, and the form is free again", async () => {
    const action = vi.fn().mockRejectedValueOnce(redirectError("/ke/order/order_1/pay"))
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    await waitFor(() => expect(screen.getByRole("button", { name: "Apply" })).toBeEnabled())
    expect(screen.queryByRole("alert")).toBeNull()
    expect(action).toHaveBeenCalledTimes(1)
  })

  it("shows an error and leaves the page as it is", async () => {
    const action = vi.fn(async () => ({ error: "That promo code isn't valid." }))
    render(<Form action={action} />)
    await userEvent.click(screen.getByRole("button", { name: "Apply" }))
    expect((await screen.findByRole("alert")).textContent).toBe("That promo code isn't valid.")
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
