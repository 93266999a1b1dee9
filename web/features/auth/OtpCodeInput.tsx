import type { Ref } from 'react';

/** The six-digit authenticator code field: numeric keypad, the phone's code autofill, digits only. */
export function OtpCodeInput({
  id,
  name,
  value,
  onChange,
  describedBy,
  ref,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (digits: string) => void;
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      id={id}
      ref={ref}
      name={name}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      required
      aria-describedby={describedBy}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}
