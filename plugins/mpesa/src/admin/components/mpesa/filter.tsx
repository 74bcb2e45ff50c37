import { Label, Select } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled filter control: the label names the control by its id. */
export const Filter = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-1">
    <Label htmlFor={id} size="xsmall">
      {label}
    </Label>
    {children}
  </div>
)

type FilterSelectProps = {
  id: string
  value: string
  options: [value: string, label: string][]
  onChange: (value: string) => void
}

export const FilterSelect = ({ id, value, options, onChange }: FilterSelectProps) => (
  <Select value={value} onValueChange={onChange}>
    <Select.Trigger id={id}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {options.map(([v, label]) => (
        <Select.Item key={v} value={v}>
          {label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
