import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BackgroundClient } from '../../utils/protocol/responses';

interface ClubHighlightsSettingProps {
  send: BackgroundClient;
}

/**
 * "Show the club's highlights": whether the club's highlights are painted in articles and marked on the map. The
 * same setting the panel switches; the box shows the stored value and a switch repaints every open article.
 */
export function ClubHighlightsSetting({ send }: ClubHighlightsSettingProps) {
  const [shown, setShown] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void send({ type: 'club-highlights-setting' }).then((reply) =>
      reply.ok ? setShown(reply.value) : setProblem(reply.error),
    );
  }, [send]);

  async function change(show: boolean): Promise<void> {
    setShown(show);
    const reply = await send({ type: 'club-highlights-setting', show });
    setProblem(reply.ok ? null : reply.error);
    setShown(reply.ok ? reply.value : !show);
  }

  return (
    <div class="club__option">
      <input
        type="checkbox"
        id="club-highlights-shown"
        checked={shown === true}
        disabled={shown === null}
        aria-describedby="club-highlights-shown-hint"
        onChange={(event) => void change(event.currentTarget.checked)}
      />
      <label for="club-highlights-shown">{i18n.t('clubOptions.highlights.show')}</label>
      <p id="club-highlights-shown-hint" class="hint">
        {i18n.t('clubOptions.highlights.hint')}
      </p>
      {problem && <p class="field-error">{problem}</p>}
    </div>
  );
}
