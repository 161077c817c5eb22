export const fi = {} as const;

export const en: Record<keyof typeof fi, string> = {};
