import type { EntityManager } from 'typeorm';
import type { ProcedureCheck } from './procedure-feedback';

/** The knowledge base's answer to "is this a procedure?", read from its table in training's own database. */
export class KnowledgeBaseProcedures implements ProcedureCheck {
  async isProcedure(manager: EntityManager, articleId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM knowledge_article WHERE id = $1 AND kind = 'PROCEDURE' AND status <> 'ARCHIVED'`, [articleId]);
    return rows.length > 0;
  }
}
