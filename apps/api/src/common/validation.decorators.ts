import { Body, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

type SchemaObject = Record<string, unknown>;

function jsonSchema(schema: ZodType): SchemaObject {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** The request body, validated by its contract schema and documented in OpenAPI from the same schema. */
export function ValidBody<T>(schema: ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: jsonSchema(schema) })(target, key, descriptor);
    }
    Body(new ZodValidationPipe(schema))(target, key, index);
  };
}

/** The query string, validated by its contract schema and documented in OpenAPI. */
export function ValidQuery<T>(schema: ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      const properties = (jsonSchema(schema).properties ?? {}) as Record<string, SchemaObject>;
      if (descriptor)
        for (const [name, property] of Object.entries(properties))
          ApiQuery({ name, required: false, schema: property })(target, key, descriptor);
    }
    Query(new ZodValidationPipe(schema))(target, key, index);
  };
}
