import { searchGraph } from '@carebridge/service-kit';

/** This service's `SearchResults` entity, to which it adds its section, and the search's root field. */
export const { SearchResults, SearchQueryResolver } = searchGraph();
