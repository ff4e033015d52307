import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ErrorCode, Permission } from '@butie/contracts';
import { ALLOW_PENDING_PASSWORD_KEY, PERMISSION_KEY, PUBLIC_KEY, SIGNED_LINK_KEY } from '../auth/decorators.js';
import { declaredProblems } from './api-problems.js';

export interface RouteInfo {
  /** e.g. `GET /api/v1/staff/:id` */
  route: string;
  method: string;
  path: string;
  isPublic: boolean;
  /** Public to the token guard, opened by a signed link's `?token=` instead (@SignedLink). */
  isSignedLink: boolean;
  permission: Permission | null;
  allowedWhilePasswordChangeRequired: boolean;
  /** What the handler declared it can refuse with (@ApiProblems), beyond what its shape implies. */
  problems: ErrorCode[];
}

/**
 * Every route of every controller the running app registered, read from the same decorator
 * metadata the global guards read, so that the list cannot drift from what is enforced. It drives
 * the problem responses of the OpenAPI document and the permission snapshot test.
 */
export function collectRoutes(app: NestFastifyApplication): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const controllerVersion = Reflect.getMetadata(VERSION_METADATA, controller) as string | symbol | undefined;
    for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPath === undefined) continue;
      const requestMethod = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const version = (Reflect.getMetadata(VERSION_METADATA, handler) as string | symbol | undefined) ?? controllerVersion ?? '1';
      const targets = [handler, controller];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
      for (const base of controllerPaths) {
        for (const sub of asArray(methodPath)) {
          const path = joinPath('api', version === VERSION_NEUTRAL ? '' : `v${String(version)}`, base, sub);
          routes.push({
            route: `${requestMethod} ${path}`,
            method: requestMethod,
            path,
            isPublic,
            isSignedLink: reflector.getAllAndOverride<boolean>(SIGNED_LINK_KEY, targets) === true,
            permission: reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets) ?? null,
            allowedWhilePasswordChangeRequired: reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_KEY, targets) === true,
            problems: declaredProblems(handler, controller),
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return ['/'];
  return Array.isArray(value) ? value : [value];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .join('/');
  return `/${joined}`;
}

/** `/api/v1/staff/:id` → `/api/v1/staff/{id}` as OpenAPI writes it. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
