import { i18n } from '#i18n';
import { Markdown } from '../Markdown';
import { TextField, type TextFieldProps } from './TextField';

/**
 * A Markdown box with its live preview, drawn by the panel's own renderer (`components/Markdown.tsx`), so the
 * organiser sees exactly what members will read, and the same safety: the preview builds elements from the
 * parsed tree, never HTML from the text.
 */
export function MarkdownField(props: TextFieldProps & { previewLabel: string }) {
  const { previewLabel, ...field } = props;
  return (
    <div class="markdown-field">
      <TextField rows={8} {...field} />
      <section class="markdown-field__preview" aria-label={previewLabel} lang={field.lang}>
        <p class="markdown-field__preview-title" aria-hidden="true">
          {i18n.t('author.preview')}
        </p>
        {field.value.trim() === '' ? (
          <p class="markdown-field__empty">{i18n.t('author.previewEmpty')}</p>
        ) : (
          <Markdown source={field.value} />
        )}
      </section>
    </div>
  );
}
