/**
 * TypeDoc plugin: the three entry modules are named as they are imported (`emporix-customer-react/api`),
 * not after their files (`api`), and their pages say so.
 */
import { Converter, ReflectionKind } from 'typedoc';

const names = { index: 'emporix-customer-react', api: 'emporix-customer-react/api', testing: 'emporix-customer-react/testing' };

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, ({ project }) => {
    for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
      if (module.name in names) module.name = names[module.name];
    }
  });
}
