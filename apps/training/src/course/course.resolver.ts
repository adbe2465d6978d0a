import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import { Certificate } from './certificate.entity';
import type { CourseCatalogue } from './course-catalogue';
import { Course, CourseModule, QuizQuestion } from './course.entity';
import { CourseInput, SubmitQuizAttemptInput } from './course.inputs';
import { QuizAttempt } from './quiz-attempt.entity';
import type { QuizTaking } from './quiz-taking';

@ObjectType('QuizAttemptOutcome', { description: 'A scored quiz attempt, and the certificate when it completed the course.' })
class QuizAttemptOutcomeType {
  @Field(() => QuizAttempt)
  attempt: QuizAttempt;

  @Field(() => Certificate, { nullable: true })
  certificate: Certificate | null;
}

@Resolver(() => Course)
export class CourseResolver {
  constructor(
    private readonly catalogue: CourseCatalogue,
    private readonly quizzes: QuizTaking,
  ) {}

  @Authorized()
  @Query(() => Course, { description: 'One course by its id.' })
  course(@Arg('id', () => ID) id: string): Promise<Course> {
    return this.catalogue.get(id);
  }

  @Authorized()
  @Query(() => [Course], { description: 'Every course, by title (at most 500).' })
  courses(): Promise<Course[]> {
    return this.catalogue.list();
  }

  @Authorized('trainer')
  @Mutation(() => Course, { description: 'Creates a course: modules with their articles, the roles it is mandatory for, its completion rule and certificate.' })
  createCourse(@Arg('input') input: CourseInput, @Ctx() context: RequestContext): Promise<Course> {
    return this.catalogue.create(input, caller(context));
  }

  @Authorized('trainer')
  @Mutation(() => Course, { description: 'Changes a course; certificates already issued keep their dates.' })
  updateCourse(@Arg('id', () => ID) id: string, @Arg('input') input: CourseInput): Promise<Course> {
    return this.catalogue.update(id, input);
  }

  @Authorized()
  @Mutation(() => QuizAttemptOutcomeType, { description: 'Submits the caller’s answers to a course’s quiz: scored at once; completes the course when its rule is met.' })
  submitQuizAttempt(@Arg('input') input: SubmitQuizAttemptInput, @Ctx() context: RequestContext): Promise<QuizAttemptOutcomeType> {
    return this.quizzes.submit(input, caller(context));
  }

  @Authorized()
  @Query(() => [Certificate], { description: 'The caller’s certificates, newest first.' })
  myCertificates(@Ctx() context: RequestContext): Promise<Certificate[]> {
    return this.catalogue.certificatesOf(caller(context).userId);
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [Certificate], { description: 'A member of staff’s certificates, newest first.' })
  certificates(@Arg('staffUserId') staffUserId: string, @Arg('courseId', () => ID, { nullable: true }) courseId?: string): Promise<Certificate[]> {
    return this.catalogue.certificatesOf(staffUserId, courseId);
  }

  @FieldResolver(() => [QuizQuestion], { description: 'The quiz’s questions and options (the answer key is quizAnswerKey, for trainers).' })
  quiz(@Root() course: Course): QuizQuestion[] {
    return course.quiz;
  }

  @Authorized('trainer')
  @FieldResolver(() => [Int], { description: 'The index of the right option of each question.' })
  quizAnswerKey(@Root() course: Course): number[] {
    return course.quiz.map((question) => question.correctOption);
  }
}

@Resolver(() => Certificate)
export class CertificateResolver {
  constructor(private readonly catalogue: CourseCatalogue) {}

  @FieldResolver(() => Course, { nullable: true })
  course(@Root() certificate: Certificate): Promise<Course | null> {
    return this.catalogue.find(certificate.courseId);
  }
}

/** The knowledge articles a module links to (in the module's order; an article since deleted is left out). */
@Resolver(() => CourseModule)
export class CourseModuleResolver {
  constructor(private readonly knowledge: { byIds(ids: readonly string[]): Promise<KnowledgeArticle[]> }) {}

  @FieldResolver(() => [KnowledgeArticle])
  async articles(@Root() module: CourseModule): Promise<KnowledgeArticle[]> {
    if (!module.articleIds.length) return [];
    const found = new Map((await this.knowledge.byIds(module.articleIds)).map((article) => [article.id, article]));
    return module.articleIds.flatMap((id) => found.get(id) ?? []);
  }
}
