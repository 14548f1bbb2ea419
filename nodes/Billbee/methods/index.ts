import type { ILoadOptionsFunctions, INodePropertyOptions, NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_HINT } from '../../../credentials/BillbeeApi.credentials';
import * as loaders from './loadOptions';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/**
 * n8n shows only the message of a dropdown's error (no description): a rejected credential has
 * to say there what to check, instead of an empty or partial list. (An unreachable Billbee is
 * named with its Base URL by the transport itself.)
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
			}
			throw apiError;
		}
	};
}

export const loadOptions: Record<string, Loader> = Object.fromEntries(
	Object.entries(loaders).map(([name, loader]) => [name, showingErrors(loader)]),
);

export const methods = { loadOptions };
