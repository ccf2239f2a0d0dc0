import type { TextFieldName } from '../../utils/authoring/form';
import type { TextFieldProps } from './TextField';

/** What a form group needs to draw one of the form's text fields: its value, its issues, its setter. */
export type Bind = (name: TextFieldName) => Pick<TextFieldProps, 'name' | 'value' | 'issues' | 'onInput'>;

/** A one-per-line list's cap: its items' caps times their count, with room for the newlines. */
export const listCap = (items: number, itemLength: number) => items * (itemLength + 1);
