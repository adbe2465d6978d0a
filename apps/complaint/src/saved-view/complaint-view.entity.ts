import { SavedView } from '@carebridge/help-desk';
import { ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';

/** A saved filter and order of the complaint list (@carebridge/help-desk's SavedView, in this service's table). */
@ObjectType('ComplaintView', { description: 'A filter and order of the complaint list, saved for one user or a team, with its count.' })
@Entity('saved_view')
export class ComplaintView extends SavedView {}
