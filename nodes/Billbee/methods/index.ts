import type { ILoadOptionsFunctions, INodePropertyOptions, NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';
import { CREDENTIAL_HINT } from '../../../credentials/BillbeeApi.credentials';
import * as loaders from './loadOptions';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/**
 * n8n shows only the message of a dropdown's error (no description): a rejected credential or an
 * unreachable Billbee has to say there what to check, instead of an empty or partial list.
 */
function showingErrors(loader: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		try {
			return await loader.call(this);
		} catch (error) {
			const apiError = error as NodeApiError;
			const status = String(apiError.httpCode ?? '');
			if (status === '401' || status === '403') {
				apiError.message = `${apiError.message}. ${CREDENTIAL_HINT}`;
			} else if (apiError.name === 'NodeApiError' && !status) {
				// No HTTP status: no answer came (refused, DNS, timeout, TLS).
				const { baseUrl } = await this.getCredentials(CREDENTIAL_TYPE);
				apiError.message = `${apiError.message}. Check the Base URL in the Billbee credential (now ${String(baseUrl)}; Billbee's own is https://api.billbee.io/api/v1) and that this n8n server can reach it (DNS, proxy, firewall).`;
			}
			throw apiError;
		}
	};
}

export const loadOptions: Record<string, Loader> = Object.fromEntries(
	Object.entries(loaders).map(([name, loader]) => [name, showingErrors(loader)]),
);

export const methods = { loadOptions };
