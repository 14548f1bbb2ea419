import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { resources } from '../resources';
import type { RequestMeta } from '../transport/request';
import { pathTemplate } from './request';
import type { ItemParameters, OperationSpec } from './types';

let registry: ReadonlyMap<string, OperationSpec> | undefined;

/**
 * Every operation of the node by "resource.operation", e.g. "order.get". Built on first use:
 * the resources import the transport, which imports this file.
 */
export function operationRegistry(): ReadonlyMap<string, OperationSpec> {
	registry ??= new Map(
		resources.flatMap((resource) =>
			resource.operations.map((spec) => [`${resource.value}.${spec.value}`, spec] as const),
		),
	);
	return registry;
}

export function operationSpec(node: INode, resource: string, operation: string): OperationSpec {
	const spec = operationRegistry().get(`${resource}.${operation}`);
	if (!spec) {
		throw new NodeOperationError(
			node,
			`Unknown operation ${resource}.${operation}: the Billbee node has no such resource and operation`,
		);
	}
	return spec;
}

/** What the transport needs to know of the current item's request, from the node's own parameters. */
export function requestMetaOf(ctx: ItemParameters): RequestMeta {
	const spec = operationSpec(
		ctx.getNode(),
		String(ctx.getNodeParameter('resource', '')),
		String(ctx.getNodeParameter('operation', '')),
	);
	return {
		template: pathTemplate(ctx, spec),
		readsOnly: spec.readsOnly,
		paged: !!spec.paged,
		freezeUntil: spec.paged?.freezeUntil,
	};
}
