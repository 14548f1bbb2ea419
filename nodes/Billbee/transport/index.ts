// The transport's public surface; the policies live in their own files.
export { billbeeApiRequest, CREDENTIAL_TYPE, READ_ONLY_PARAMETER } from './request';
export type { BillbeeRequest } from './request';
export { MAX_PAGE_SIZE } from './paging';
export { billbeeRoutingTransport } from './routing';
