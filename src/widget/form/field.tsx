// A labelled control with its error: the aria wiring every field shares.
import { type ComponentChildren, h } from 'preact';

/** Attributes that name a control and tie it to its required state and its error text. */
export const control = (id: string, error: string | undefined, required?: boolean) => ({
  id,
  name: id,
  part: 'input',
  'aria-required': required || undefined,
  'aria-invalid': !!error || undefined,
  'aria-describedby': error && `${id}-e`,
});

interface FieldProps {
  id: string;
  label: ComponentChildren;
  error: string | undefined;
  required?: boolean;
  /** The consent checkbox sits before its label; CSS puts it there, markup stays one shape. */
  check?: boolean;
  children: ComponentChildren;
}

export const Field = ({ id, label, error, required, check, children }: FieldProps) => (
  <div class={check ? 'check' : undefined} part="field">
    <label for={id}>
      {label}
      {/* Visual only: the control itself says aria-required. */}
      {required && <span aria-hidden="true"> *</span>}
    </label>
    {children}
    {error && (
      <p id={`${id}-e`} class="error" part="error">
        {error}
      </p>
    )}
  </div>
);
