// A `.hbs` file is precompiled by esbuild.js into a Handlebars template spec.
declare module '*.hbs' {
  const spec: TemplateSpecification;
  export = spec;
}
