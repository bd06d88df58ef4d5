// The statutory directories of an organization's 政府信息公开 column.

/** The statutory directories of every organization's 政府信息公开 column (国办公开办函〔2019〕61号). */
export const DIRECTORIES = [
  { slug: 'guide', label: '政府信息公开指南' },
  { slug: 'rules', label: '政府信息公开制度' },
  { slug: 'statutory', label: '法定主动公开内容' },
  { slug: 'annual-reports', label: '政府信息公开年报' },
  { slug: 'apply', label: '申请公开政府信息' },
] as const;

/** One directory's slug. */
export type DirectorySlug = (typeof DIRECTORIES)[number]['slug'];
