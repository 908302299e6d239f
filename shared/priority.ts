/** The three levels used for urgency, impact and priority alike. */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

/** Urgency × impact → priority. Rows are urgency, columns impact. */
export type PriorityMatrix = Record<Level, Record<Level, Level>>;

/** Contract §6: the matrix a new deployment starts with. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'high', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'low' },
};

/** Priority is a pure function of urgency and impact; nobody sets it directly. */
export function priorityOf(urgency: Level, impact: Level, matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX): Level {
  return matrix[urgency][impact];
}

/** Sorting weight: high first. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
