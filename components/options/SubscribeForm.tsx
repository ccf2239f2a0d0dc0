import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SubscribeFlowResult } from '../../utils/options/subscribe-flow';

/**
 * The address field and its button. The field's error is tied to it (aria-describedby, aria-invalid) so that
 * a screen reader hears why when it returns to the field; the page's live region announces it once.
 */
export function SubscribeForm({ onSubscribe }: { onSubscribe: (input: string) => Promise<SubscribeFlowResult> }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const pending = onSubscribe(value);
    setBusy(true);
    void pending.then((result) => {
      setBusy(false);
      if (result.ok) {
        setValue('');
        setError(null);
      } else if (result.field) {
        setError(result.message);
        input.current?.focus();
      }
    });
  };

  const describedBy = error ? 'feed-url-hint feed-url-error' : 'feed-url-hint';
  return (
    <section class="card" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{i18n.t('options.subscribe.heading')}</h2>
      <form class="subscribe" onSubmit={submit} noValidate>
        <label for="feed-url">{i18n.t('options.subscribe.label')}</label>
        <div class="subscribe__row">
          <input
            ref={input}
            class="text-box"
            id="feed-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="https://"
            value={value}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={describedBy}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="button button--primary" aria-disabled={busy ? 'true' : 'false'}>
            {busy ? i18n.t('options.subscribe.busy') : i18n.t('options.subscribe.button')}
          </button>
        </div>
        <p id="feed-url-hint" class="hint">
          {i18n.t('options.subscribe.hint')}
        </p>
        {error && (
          <p id="feed-url-error" class="field-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
