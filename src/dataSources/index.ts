import type { DataSourceDefinition, DataSourceType, Inputs, ConfigVarResultCollection } from "@prismatic-io/spectral";

export type AnyDataSource = DataSourceDefinition<Inputs, ConfigVarResultCollection, DataSourceType>;

export const dataSources: Record<string, AnyDataSource> = {};
