// 政务新媒体 accounts as the account form sends them: a filed, interactive 微信公众号 of the given 主办单位 unless
// told otherwise.

/** The account form's values for an account of `orgId`, with `over` changing any field. */
export function accountForm(orgId: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    platform: 'wechat',
    name: '示例区发布',
    verifiedName: '示例区人民政府',
    orgId,
    filingNo: 'BA-1',
    interaction: '1',
    openedOn: '2024-01-05',
    ownerContact: '王五 13800000000',
    feedUrl: '',
    ...over,
  };
}
