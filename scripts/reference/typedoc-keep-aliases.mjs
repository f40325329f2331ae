/**
 * TypeDoc plugin: a type alias of an inferred object type (`type CustomerClient = ReturnType<typeof
 * createCustomerClient>`) is documented once, under its name; everywhere else that object type appears (a
 * hook's return, a parameter) it links to the alias instead of repeating all its members.
 */
import { Converter, ReferenceType, ReflectionKind, ReflectionType } from 'typedoc';

/** Rebuilds `type` with every object type listed in `aliases` replaced by a link to its alias. */
function replaceAliased(type, aliases, project) {
  if (!type) return type;
  const again = (inner) => replaceAliased(inner, aliases, project);
  switch (type.type) {
    case 'reflection': {
      const key = project.getSymbolIdFromReflection(type.declaration)?.getStableKey();
      const alias = key && aliases.get(key);
      return alias && alias.type !== type ? ReferenceType.createResolvedReference(alias.name, alias, project) : type;
    }
    case 'union':
    case 'intersection':
      type.types = type.types.map(again);
      return type;
    case 'array':
    case 'optional':
    case 'rest':
      type.elementType = again(type.elementType);
      return type;
    case 'reference':
      if (type.typeArguments) type.typeArguments = type.typeArguments.map(again);
      return type;
    case 'tuple':
      type.elements = type.elements.map(again);
      return type;
    default:
      return type;
  }
}

/** The signature behind `ReturnType<typeof f>` when f returns an object type; `undefined` for anything else. */
function returningSignature(type) {
  if (type?.type !== 'reference' || type.name !== 'ReturnType' || type.typeArguments?.[0]?.type !== 'query') return undefined;
  const signature = type.typeArguments[0].queryType.reflection?.signatures?.[0];
  return signature?.type instanceof ReflectionType ? signature : undefined;
}

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    const aliases = new Map();
    for (const alias of project.getReflectionsByKind(ReflectionKind.TypeAlias)) {
      // `ReturnType<typeof f>`: the alias takes f's object type (its members are listed under it), f returns the alias.
      const signature = returningSignature(alias.type);
      if (signature) {
        alias.type = signature.type;
        signature.type = ReferenceType.createResolvedReference(alias.name, alias, project);
      }
      if (!(alias.type instanceof ReflectionType)) continue;
      const key = project.getSymbolIdFromReflection(alias.type.declaration)?.getStableKey();
      if (key) aliases.set(key, alias);
    }
    if (aliases.size === 0) return;
    for (const reflection of Object.values(project.reflections)) {
      if ('type' in reflection && reflection.type) reflection.type = replaceAliased(reflection.type, aliases, project);
    }
  });
}
