import { RequestMethod, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { API_ANSWER, type AnswerBody, type ErrorStatus, IS_PUBLIC, ROLES } from '@laurel/api-core';

export interface RouteInfo {
  method: string;
  path: string;
  public: boolean;
  roles: string[];
  /** The status a success really answers: the route's `@HttpCode`, else 201 for POST, else 200. */
  status: number;
  /** What `@ApiAnswer` documents, when the route has it (the OpenAPI document is built from it). */
  answer?: { status: number; body: AnswerBody; errors: ErrorStatus[] };
}

/**
 * Every route the API serves, read from Nest's own controller metadata (not a hand-kept list),
 * so the authorization tests cover a new endpoint the moment it exists.
 */
export function routeTable(app: INestApplication, prefix = 'api'): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '/');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const methodPath: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const isPublic = !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler as never, metatype]);
      const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES, [handler as never, metatype]) ?? [];
      const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'POST' ? 201 : 200);
      const answer = Reflect.getMetadata(API_ANSWER, handler) as RouteInfo['answer'];
      for (const base of controllerPaths) {
        for (const own of ([] as string[]).concat(methodPath)) {
          const path = `/${[prefix, base, own]
            .map((p) => p.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          routes.push({ method, path, public: isPublic, roles, status, ...(answer ? { answer } : {}) });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
