import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../../utils/protocol/reply';

interface SettingSwitchProps {
  id: string;
  label: string;
  hint: string;
  /** Reads the stored value (`undefined`) or stores a new one; either way answers the value stored now. */
  setting: (value?: boolean) => Promise<Reply<boolean>>;
}

/**
 * One of the reader's on/off settings, kept by the background: the box shows the stored value once read
 * (disabled until then), follows a change at once, and goes back, saying why, when the background refuses it.
 */
export function SettingSwitch({ id, label, hint, setting }: SettingSwitchProps) {
  const [on, setOn] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void setting().then((reply) => (reply.ok ? setOn(reply.value) : setProblem(reply.error)));
  }, [setting]);

  async function change(next: boolean): Promise<void> {
    setOn(next);
    const reply = await setting(next);
    setProblem(reply.ok ? null : reply.error);
    setOn(reply.ok ? reply.value : !next);
  }

  return (
    <div class="club__option">
      <input
        type="checkbox"
        id={id}
        checked={on === true}
        disabled={on === null}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void change(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      {problem && <p class="field-error">{problem}</p>}
    </div>
  );
}
