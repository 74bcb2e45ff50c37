"use client"

import { useTranslations } from "next-intl"
import { useRef, useState } from "react"
import type { ActionState } from "@/lib/data/action-state"
import { saveAddress } from "@/lib/data/checkout-actions"
import { KENYAN_COUNTIES, countyName } from "@/lib/util/kenya"
import { FormError, SelectField, TextField } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export type AddressValues = {
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  /**
   * `phone` as a Kenyan number is shown (0712 345 678), formatted on the server
   * (withPhoneDisplay in lib/util/phone.ts): libphonenumber stays out of the browser.
   */
  phone_display?: string | null
  country_code?: string | null
  province?: string | null
  city?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
}

type Props = {
  country: string
  countries: { code: string; name: string }[]
  initial: AddressValues
  saved?: (AddressValues & { id: string })[]
  signedInEmail?: string
  /** "account": an address book entry (no email, no saved-address picker). */
  mode?: "checkout" | "account"
  action?: (state: ActionState, formData: FormData) => Promise<ActionState>
  submitLabel?: string
  addressId?: string
  isDefault?: boolean
}

export function AddressForm({
  country,
  countries,
  initial,
  saved = [],
  signedInEmail,
  mode = "checkout",
  action: serverAction = saveAddress,
  submitLabel,
  addressId,
  isDefault = false,
}: Props) {
  const t = useTranslations("address")
  const account = mode === "account"
  const { state, pending, formProps } = useFormAction(serverAction)
  const [values, setValues] = useState<AddressValues>(() => ({
    ...initial,
    country_code: initial.country_code || (countries.some((c) => c.code === country) ? country : countries[0]?.code),
  }))
  const [version, setVersion] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  const f = state.fields ?? {}
  const kenya = values.country_code === "ke"

  const applySaved = (id: string) => {
    const a = saved.find((s) => s.id === id)
    if (a) {
      setValues((v) => ({ ...v, ...a, email: v.email }))
      setVersion((n) => n + 1)
    }
  }

  return (
    // `key` before the spread: after it, JSX compiles to createElement and React warns about the form's children's keys.
    <form key={version} ref={formRef} {...formProps} noValidate data-testid="address-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      {addressId ? <input type="hidden" name="address_id" value={addressId} /> : null}
      {saved.length && !account ? (
        <SelectField name="saved_address" label={t("useSaved")} defaultValue="" onChange={(e) => applySaved(e.target.value)}>
          <option value="">{t("choose")}</option>
          {saved.map((a) => (
            <option key={a.id} value={a.id}>
              {[a.address_1, a.city, countyName(a.province)].filter(Boolean).join(", ")}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="field-grid">
        {account ? null : signedInEmail ? (
          <p className="field--wide small muted">
            {t.rich("receiptTo", { email: signedInEmail, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        ) : (
          <TextField
            wide
            name="email"
            label={t("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={values.email ?? ""}
            error={f.email}
            hint={t("emailHint")}
          />
        )}
        <TextField name="first_name" label={t("firstName")} autoComplete="given-name" required defaultValue={values.first_name ?? ""} error={f.first_name} />
        <TextField name="last_name" label={t("lastName")} autoComplete="family-name" required defaultValue={values.last_name ?? ""} error={f.last_name} />
        <TextField
          wide
          name="phone"
          label={t("phone")}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          required
          defaultValue={kenya ? (values.phone_display ?? values.phone ?? "") : (values.phone ?? "")}
          error={f.phone}
          hint={kenya ? t("phoneHintKenya") : t("phoneHint")}
        />
        {countries.length > 1 ? (
          <SelectField
            wide
            name="country_code"
            label={t("country")}
            autoComplete="country"
            value={values.country_code ?? ""}
            onChange={(e) => setValues((v) => ({ ...v, country_code: e.target.value, province: "" }))}
            error={f.country_code}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="country_code" value={values.country_code ?? ""} />
        )}
        {kenya ? (
          <SelectField name="province" label={t("county")} required defaultValue={countyName(values.province)} error={f.province} autoComplete="address-level1">
            <option value="">{t("chooseCounty")}</option>
            {KENYAN_COUNTIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField name="province" label={t("region")} autoComplete="address-level1" defaultValue={values.province ?? ""} error={f.province} />
        )}
        <TextField
          name="city"
          label={kenya ? t("townKenya") : t("city")}
          autoComplete="address-level2"
          required
          defaultValue={values.city ?? ""}
          error={f.city}
          hint={kenya ? t("townHint") : undefined}
        />
        <TextField
          wide
          name="address_1"
          label={kenya ? t("streetKenya") : t("street")}
          autoComplete="address-line1"
          required
          defaultValue={values.address_1 ?? ""}
          error={f.address_1}
        />
        <TextField
          wide
          name="address_2"
          label={kenya ? t("address2Kenya") : t("address2")}
          autoComplete="address-line2"
          defaultValue={values.address_2 ?? ""}
        />
        <TextField name="postal_code" label={t("postalCode")} autoComplete="postal-code" defaultValue={values.postal_code ?? ""} />
      </div>
      {signedInEmail && !account ? (
        <label className="check" style={{ marginBottom: 12 }}>
          <input type="checkbox" name="save_address" defaultChecked={!saved.length} /> {t("saveToAccount")}
        </label>
      ) : null}
      {account ? (
        <label className="check" style={{ marginBottom: 12 }}>
          <input type="checkbox" name="is_default" defaultChecked={isDefault} /> {t("makeDefault")}
        </label>
      ) : null}
      <SubmitButton pending={pending} pendingLabel={t("saving")} testId="address-continue">
        {submitLabel ?? t("toDelivery")}
      </SubmitButton>
    </form>
  )
}
