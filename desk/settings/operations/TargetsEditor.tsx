import { LEVELS, type Level } from '../../../shared/priority';
import type { OperationsSettings } from './operations-types';

const NAMES: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface TargetsEditorProps {
  ops: OperationsSettings;
  onChange: (next: OperationsSettings) => void;
  /** The last save's refusals by field (`sla`, `priorityMatrix`, `autoCloseDays`). */
  errors?: Readonly<Record<string, string>>;
}

/** SLA targets per priority (business minutes), the urgency × impact matrix and auto-close days. */
export function TargetsEditor({ ops, onChange, errors = {} }: TargetsEditorProps) {
  const minutes = (value: string) => Math.max(0, Math.round(Number(value)));
  return (
    <>
      <fieldset>
        <legend>SLA targets (business minutes)</legend>
        {errors['sla'] && <p class="field__error">{errors['sla']}</p>}
        {LEVELS.map((level) => (
          <div key={level} class="targets-row">
            <label>
              {NAMES[level]}: first response
              <input type="number" min={1} value={ops.sla[level].firstResponse} onInput={(e) => onChange({ ...ops, sla: { ...ops.sla, [level]: { ...ops.sla[level], firstResponse: minutes(e.currentTarget.value) } } })} />
            </label>
            <label>
              {NAMES[level]}: resolution
              <input type="number" min={1} value={ops.sla[level].resolution} onInput={(e) => onChange({ ...ops, sla: { ...ops.sla, [level]: { ...ops.sla[level], resolution: minutes(e.currentTarget.value) } } })} />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Priority from urgency × impact</legend>
        {errors['priorityMatrix'] && <p class="field__error">{errors['priorityMatrix']}</p>}
        <table aria-label="Priority matrix">
          <thead>
            <tr>
              <th scope="col">Urgency \ impact</th>
              {LEVELS.map((impact) => (
                <th key={impact} scope="col">
                  {NAMES[impact]} impact
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((urgency) => (
              <tr key={urgency}>
                <th scope="row">{NAMES[urgency]} urgency</th>
                {LEVELS.map((impact) => (
                  <td key={impact}>
                    <select
                      aria-label={`Priority for ${NAMES[urgency]} urgency and ${NAMES[impact]} impact`}
                      value={ops.priorityMatrix[urgency][impact]}
                      onChange={(e) => onChange({ ...ops, priorityMatrix: { ...ops.priorityMatrix, [urgency]: { ...ops.priorityMatrix[urgency], [impact]: e.currentTarget.value as Level } } })}
                    >
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {NAMES[l]}
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
        Close solved tickets after (days)
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
