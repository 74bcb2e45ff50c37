import { useTranslations } from "next-intl"
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react"

type Common = {
  name: string
  label: string
  error?: string
  hint?: ReactNode
  wide?: boolean
  id?: string
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  )
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ name, label, error, hint, wide, id = `f-${name}`, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const t = useTranslations("form")
  return (
    <div className={`field${wide ? " field--wide" : ""}`}>
      <label htmlFor={id}>
        {label}
        {input.required ? null : <span className="muted"> {t("optional")}</span>}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  )
}

export function SelectField({
  name,
  label,
  error,
  hint,
  wide,
  id = `f-${name}`,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className={`field${wide ? " field--wide" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {children}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  )
}

export function FormError({ message }: { message?: string }) {
  return (
    <div aria-live="assertive">
      {message ? (
        <p className="notice notice--error" role="alert" data-testid="form-error">
          {message}
        </p>
      ) : null}
    </div>
  )
}
