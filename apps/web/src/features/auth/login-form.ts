import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../../lib/api-client';
import { errorText } from '../../lib/form-errors';

/** A check of one field's text: the message to show, or undefined when it passes. */
export type Rule = (value: string) => string | undefined;

export const required =
  (message: string): Rule =>
  (value) =>
    value.trim() === '' ? message : undefined;

export const matches =
  (pattern: RegExp, message: string): Rule =>
  (value) =>
    value === '' || pattern.test(value) ? undefined : message;

/**
 * The state of one of the login page's small forms: values, the message of each field (its rules'
 * or the API's), and the props that tie an input to its label and message.
 *
 * The login page does without antd's Form: with its tooltip, grid and validator it is about 40 kB
 * gzip, a fifth of the first page's budget, for three forms of one or two text fields.
 */
export function useLoginForm<K extends string>(formName: string, rules: Record<K, Rule[]>) {
  const names = Object.keys(rules) as K[];
  const [values, setValues] = useState(() => Object.fromEntries(names.map((name) => [name, ''])) as Record<K, string>);
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  /** A refusal that belongs to no field, shown above the form. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const check = (name: K, value: string) => rules[name].map((rule) => rule(value)).find((message) => message !== undefined);
  const idOf = (name: K) => `${formName}_${name}`;

  const setValue = (name: K, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    // A shown message follows the typing, so that it goes as soon as the value is right.
    if (errors[name] !== undefined) setErrors((current) => ({ ...current, [name]: check(name, value) }));
  };

  /** Puts the API's field errors on their fields; true when at least one field took a message. */
  const showServerErrors = (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const mine = error.fields.filter((field): field is typeof field & { field: K } => names.includes(field.field as K));
    if (mine.length === 0) return false;
    setErrors((current) => ({ ...current, ...Object.fromEntries(mine.map((field) => [field.field, field.message])) }));
    return true;
  };

  /** Checks the given fields (all by default); their values when they pass, else null, messages shown and the first focused. */
  const validate = (only: K[] = names): Record<K, string> | null => {
    const found = Object.fromEntries(only.map((name) => [name, check(name, values[name])])) as Partial<Record<K, string>>;
    setErrors((current) => ({ ...current, ...found }));
    const firstWrong = only.find((name) => found[name] !== undefined);
    if (firstWrong === undefined) return values;
    document.getElementById(idOf(firstWrong))?.focus();
    return null;
  };

  return {
    submitting,
    refusal,
    setRefusal,
    /**
     * The form's submit handler: checks every field, then runs `action` with the values; a refusal
     * goes on its fields, or above the form, and `afterRefusal` may tidy up (clear a password).
     */
    onSubmit: (action: (values: Record<K, string>) => Promise<void>, afterRefusal?: (error: unknown) => void) => async (event: FormEvent) => {
      event.preventDefault();
      const checked = validate();
      if (!checked) return;
      setSubmitting(true);
      setRefusal(null);
      try {
        await action(checked);
      } catch (error) {
        afterRefusal?.(error);
        if (!showServerErrors(error)) setRefusal(errorText(error));
      } finally {
        setSubmitting(false);
      }
    },
    /** Props for the field's input: id for its label, value, and the message it is described by. */
    input: (name: K) => ({
      id: idOf(name),
      value: values[name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.target.value),
      status: errors[name] ? ('error' as const) : undefined,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': errors[name] ? `${idOf(name)}_error` : undefined,
    }),
    /** Props for the field's LoginField. */
    field: (name: K) => ({ id: idOf(name), error: errors[name] }),
    setValue,
    validate,
    showServerErrors,
  };
}
