import { LEVELS, type Level } from '../../../shared/priority';
import { levelLabel } from '../../format';
import { useDeskT } from '../../i18n/i18n';
import type { OperationsSettings } from './operations-types';

export interface TargetsEditorProps {
  ops: OperationsSettings;
  onChange: (next: OperationsSettings) => void;
  /** The last save's refusals by field (`sla`, `priorityMatrix`, `autoCloseDays`). */
  errors?: Readonly<Record<string, string>>;
}

/** SLA targets per priority (business minutes), the urgency × impact matrix and auto-close days. */
export function TargetsEditor({ ops, onChange, errors = {} }: TargetsEditorProps) {
  const t = useDeskT();
  const name = (level: Level) => levelLabel(level, t);
  const minutes = (value: string) => Math.max(0, Math.round(Number(value)));
  return (
    <>
      <fieldset>
        <legend>{t.t('opsSlaTargets')}</legend>
        {errors['sla'] && <p class="field__error">{errors['sla']}</p>}
        {LEVELS.map((level) => (
          <div key={level} class="targets-row">
            <label>
              {t.t('opsFirstResponseOf', { level: name(level) })}
              <input type="number" min={1} value={ops.sla[level].firstResponse} onInput={(e) => onChange({ ...ops, sla: { ...ops.sla, [level]: { ...ops.sla[level], firstResponse: minutes(e.currentTarget.value) } } })} />
            </label>
            <label>
              {t.t('opsResolutionOf', { level: name(level) })}
              <input type="number" min={1} value={ops.sla[level].resolution} onInput={(e) => onChange({ ...ops, sla: { ...ops.sla, [level]: { ...ops.sla[level], resolution: minutes(e.currentTarget.value) } } })} />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.t('opsMatrixLegend')}</legend>
        {errors['priorityMatrix'] && <p class="field__error">{errors['priorityMatrix']}</p>}
        <table aria-label={t.t('opsMatrix')}>
          <thead>
            <tr>
              <th scope="col">{t.t('opsUrgencyImpact')}</th>
              {LEVELS.map((impact) => (
                <th key={impact} scope="col">
                  {t.t('opsImpactOf', { level: name(impact) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((urgency) => (
              <tr key={urgency}>
                <th scope="row">{t.t('opsUrgencyOf', { level: name(urgency) })}</th>
                {LEVELS.map((impact) => (
                  <td key={impact}>
                    <select
                      aria-label={t.t('opsPriorityFor', { urgency: name(urgency), impact: name(impact) })}
                      value={ops.priorityMatrix[urgency][impact]}
                      onChange={(e) => onChange({ ...ops, priorityMatrix: { ...ops.priorityMatrix, [urgency]: { ...ops.priorityMatrix[urgency], [impact]: e.currentTarget.value as Level } } })}
                    >
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {name(l)}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <label>
        {t.t('opsAutoClose')}
        <input
          type="number"
          min={1}
          max={365}
          value={ops.autoCloseDays}
          {...(errors['autoCloseDays'] ? { 'aria-invalid': 'true', 'aria-describedby': 'operations-auto-close-error' } : {})}
          onInput={(e) => onChange({ ...ops, autoCloseDays: minutes(e.currentTarget.value) })}
        />
      </label>
      {errors['autoCloseDays'] && (
        <p class="field__error" id="operations-auto-close-error">
          {errors['autoCloseDays']}
        </p>
      )}
    </>
  );
}
