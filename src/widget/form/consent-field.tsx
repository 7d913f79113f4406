// The required consent checkbox. Its text may hold one link to the privacy page: the part in
// [brackets], or a "Privacy policy" link after the text when there are no brackets.
import { h } from 'preact';
import { control, Field } from './field.tsx';

interface ConsentFieldProps {
  text: string;
  privacyUrl: string | undefined;
  privacyLabel: string;
  error: string | undefined;
}

export function ConsentField({ text, privacyUrl, privacyLabel, error }: ConsentFieldProps) {
  const [before, linked, after] = text.split(/\[([^\]]*)\]([\s\S]*)/);
  const link = privacyUrl && (
    <a href={privacyUrl} target="_blank" rel="noopener">
      {linked ?? privacyLabel}
    </a>
  );
  return (
    <Field
      id="consent"
      check
      required
      error={error}
      label={[before, linked === undefined && link ? ' ' : '', link || linked, after]}
    >
      <input {...control('consent', error, true)} type="checkbox" />
    </Field>
  );
}
