// Browser code for the phone page, kept as a string so the page needs no
// build step and no external assets. Values are inserted with textContent,
// never innerHTML, because AccountReference and URLs come from callers.
export const PHONE_PAGE_SCRIPT = String.raw`
const api = (path, init) =>
  fetch("/__simulator" + path, init).then((r) => r.json().then((body) => ({ ok: r.ok, body })))
const post = (path, body) =>
  api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body || {}) })

const el = (tag, props, ...children) => {
  const node = document.createElement(tag)
  Object.assign(node, props || {})
  for (const child of children) {
    node.append(child)
  }
  return node
}

const prompts = new Map()
const promptList = document.getElementById("prompts")
const empty = document.getElementById("empty")
const log = document.getElementById("log")
const autoApprove = document.getElementById("auto-approve")
const flash = document.getElementById("flash")

const say = (text) => {
  flash.textContent = text
  setTimeout(() => { if (flash.textContent === text) { flash.textContent = "" } }, 4000)
}

const promptCard = (p) => {
  const pin = el("input", { type: "password", inputMode: "numeric", maxLength: 6, placeholder: "PIN", className: "pin" })
  const answer = async (action) => {
    const res = await post("/prompts/" + encodeURIComponent(p.checkoutRequestId) + "/" + action, action === "approve" ? { pin: pin.value } : {})
    say(res.ok ? (action === "approve" ? "Sent PIN for " : "Cancelled ") + p.checkoutRequestId + ": ResultCode " + res.body.result.resultCode : res.body.error)
    refresh()
  }
  const pay = el("button", { className: "pay", textContent: "Pay", onclick: () => answer("approve") })
  const cancel = el("button", { className: "cancel", textContent: "Cancel", onclick: () => answer("cancel") })
  pin.addEventListener("keydown", (e) => { if (e.key === "Enter") { answer("approve") } })
  const scripted = p.plan === "interactive" ? "" : "scripted: ResultCode " + p.plan.resultCode + " soon"
  return el("div", { className: "prompt" },
    el("div", { className: "to", textContent: "To " + p.phoneNumber }),
    el("p", { textContent: "Do you want to pay Ksh " + p.amount + " to " + p.merchantName + " (" + p.partyB + "), account no. " + p.accountReference + "?" }),
    el("div", { className: "scripted", textContent: scripted }),
    el("div", { className: "row" }, pin, pay, cancel),
  )
}

const renderPrompts = (list) => {
  const ids = new Set(list.map((p) => p.checkoutRequestId))
  for (const [id, node] of prompts) {
    if (!ids.has(id)) { node.remove(); prompts.delete(id) }
  }
  for (const p of list) {
    if (!prompts.has(p.checkoutRequestId)) {
      const node = promptCard(p)
      prompts.set(p.checkoutRequestId, node)
      promptList.append(node)
    }
  }
  empty.hidden = list.length > 0
}

const time = (ms) => new Date(ms).toLocaleTimeString()

const renderLog = (requests, callbacks) => {
  const rows = [
    ...requests.map((r) => ({ at: r.at, what: r.method + " " + r.path, status: String(r.status), detail: r.checkoutRequestId || (r.response && r.response.errorMessage) || "" })),
    ...callbacks.map((c) => ({ at: c.createdAt, what: "callback " + c.kind + (c.copy > 1 ? " (copy " + c.copy + ")" : "") + " -> " + c.url, status: c.status + " (" + c.attempts.length + " attempt" + (c.attempts.length === 1 ? "" : "s") + ")", detail: c.checkoutRequestId || c.conversationId || c.transId || "" })),
  ].sort((a, b) => b.at - a.at)
  log.replaceChildren(...rows.map((r) => el("tr", {},
    el("td", { textContent: time(r.at) }),
    el("td", { textContent: r.what }),
    el("td", { textContent: r.status }),
    el("td", { textContent: r.detail }),
  )))
}

const refresh = async () => {
  try {
    const { body } = await api("/state")
    autoApprove.checked = body.settings.autoApprove
    document.getElementById("delay").textContent = String(body.settings.callbackDelayMs)
    document.getElementById("pin-hint").textContent = body.settings.pin
    renderPrompts(body.prompts)
    renderLog(body.requests, body.callbacks)
    renderC2b(body)
  } catch (e) {
    say("simulator not reachable")
  }
}

autoApprove.addEventListener("change", async () => {
  await post("/settings", { autoApprove: autoApprove.checked })
  refresh()
})
document.getElementById("reset").addEventListener("click", async () => {
  if (confirm("Forget every token, prompt, payment and log entry?")) { await post("/reset"); refresh() }
})

refresh()
setInterval(refresh, 1000)
`
