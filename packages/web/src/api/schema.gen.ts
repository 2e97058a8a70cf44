// Generated from the server's OpenAPI document by `npm run api:types`; do not edit.
// A test fails when the server answers differently from what this file says.

export type paths = {
    "/api/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agencies you can see: all of them, or a page of those whose name, code or slug holds `q` */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: number;
                            kind: string;
                            nameEn: string;
                            nameTh: string;
                            parentId: number | null;
                            slug: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add an agency (central admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /**
                         * @description an agency kind's id (GET /api/agency-kinds)
                         * @default other
                         */
                        kind?: string;
                        nameEn: string;
                        nameTh: string;
                        /** @description the overseeing agency's code */
                        parentCode?: string;
                        slug?: string;
                        /**
                         * @description add the kind's default units
                         * @default false
                         */
                        standardDivisions?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: number;
                            kind: string;
                            nameEn: string;
                            nameTh: string;
                            parentId: number | null;
                            slug: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agency, with what you may do with it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description geocode (e.g. 1040), slug (bang-khae) or id */
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assessedAs: string;
                            can: {
                                importResults: boolean;
                                manageDivisions: boolean;
                                publish: boolean;
                                update: boolean;
                            };
                            code: string;
                            id: number;
                            iitRule: {
                                allEmployeesUnits: string[];
                                employeeShare: number;
                                /** @enum {string} */
                                rule: "bma-district";
                            } | {
                                /** @enum {string} */
                                rule: "itas-computed";
                            } | {
                                minimum: number;
                                /** @enum {string} */
                                rule: "minimum";
                            };
                            kind: string;
                            nameEn: string;
                            nameTh: string;
                            parentId: number | null;
                            slug: string;
                            unitTerm: {
                                en: string;
                                /** @enum {string} */
                                th: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an agency (its admins or central admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description geocode (e.g. 1040), slug (bang-khae) or id */
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameEn?: string;
                        nameTh?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: number;
                            kind: string;
                            nameEn: string;
                            nameTh: string;
                            parentId: number | null;
                            slug: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/agencies/{agency}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's assessments by fiscal year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYear: number;
                            framework: string;
                            ita: number | null;
                            levelId: string | null;
                            source: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/assessments/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scores, weak points, published-vs-computed differences, comparison with the year before, OIT details, respondent statistics, import history */
        get: {
            parameters: {
                query?: {
                    threshold?: number;
                };
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agency: {
                                code: string;
                                id: number;
                                nameEn: string;
                                nameTh: string;
                                slug: string;
                            };
                            can: {
                                readSelfAssessment: boolean;
                            };
                            comparison: {
                                fiscalYear: number;
                                indicators: {
                                    after: number;
                                    before: number;
                                    delta: number;
                                    key: string;
                                }[];
                                ita: {
                                    after: number;
                                    before: number;
                                    delta: number;
                                    key: string;
                                } | null;
                                questions: {
                                    after: number;
                                    before: number;
                                    delta: number;
                                    key: string;
                                }[];
                                tools: {
                                    after: number;
                                    before: number;
                                    delta: number;
                                    key: string;
                                }[];
                            } | null;
                            differences: {
                                code: string;
                                computed: number;
                                difference: number;
                                /** @enum {string} */
                                level: "question" | "indicator" | "tool";
                                published: number;
                            }[];
                            fiscalYear: number;
                            framework: string;
                            imports: {
                                created_at: string;
                                created_by_email: string | null;
                                file_name: string;
                                id: number;
                                kind: string;
                                scope: string;
                                superseded_at: string | null;
                            }[];
                            oit: {
                                code: string;
                                explanation: string | null;
                                suggestion: string | null;
                                urls: string[];
                            }[];
                            result: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            };
                            source: string;
                            stats: {
                                count: number | null;
                                dimension: string;
                                /** @enum {string|null} */
                                hiddenBecause: "small" | "complement" | null;
                                label: string;
                                percent: number | null;
                                suppressed: boolean;
                                tool: string;
                            }[];
                            updatedAt: string;
                            weak: {
                                flat: {
                                    code: string;
                                    indicator: number;
                                    /** @enum {string} */
                                    kind: "question" | "oit";
                                    /** @enum {string} */
                                    reason: "question" | "item";
                                    score: number;
                                    tool: string;
                                    weakItems: {
                                        key: string;
                                        no: number;
                                        score: number;
                                    }[];
                                }[];
                                groups: {
                                    indicators: {
                                        number: number;
                                        points: {
                                            code: string;
                                            indicator: number;
                                            /** @enum {string} */
                                            kind: "question" | "oit";
                                            /** @enum {string} */
                                            reason: "question" | "item";
                                            score: number;
                                            tool: string;
                                            weakItems: {
                                                key: string;
                                                no: number;
                                                score: number;
                                            }[];
                                        }[];
                                    }[];
                                    tool: string;
                                }[];
                                threshold: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/assessments/{year}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a results file or pasted text: replaces the overlapping earlier import (kept in history), all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64?: string;
                        fileName?: string;
                        framework?: string;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYear: number;
                            framework: string;
                            ita: number | null;
                            levelId: string | null;
                            unread: {
                                line: number;
                                reason: string;
                                text: string;
                            }[];
                            warnings: {
                                code: string;
                                message: string;
                                messageTh: string;
                                subject: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/assessments/{year}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The fewest questions to raise to a target score to reach a level */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: string;
                        /** @default 100 */
                        target?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: string;
                            reachable: boolean;
                            result: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            };
                            steps: {
                                code: string;
                                from: number;
                                to: number;
                                tool: string;
                            }[];
                            target: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/assessments/{year}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a results file or pasted text and show the scores it would give; writes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64?: string;
                        fileName?: string;
                        framework?: string;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agency: {
                                nameEn: string;
                                nameTh: string;
                                slug: string;
                            };
                            fileName: string;
                            fiscalYear: number;
                            format: string;
                            framework: string;
                            replaces: {
                                fileName: string;
                                id: number;
                                scope: string;
                            }[];
                            result: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            };
                            scope: string[];
                            unread: {
                                line: number;
                                reason: string;
                                text: string;
                            }[];
                            warnings: {
                                code: string;
                                message: string;
                                messageTh: string;
                                subject: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/assessments/{year}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scores with chosen questions, items or OIT items raised to new scores */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changes: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            framework: string;
                            indicators: {
                                [key: string]: number;
                            };
                            ita: number | null;
                            items: {
                                [key: string]: number;
                            };
                            level: string | null;
                            levelId: string | null;
                            questions: {
                                [key: string]: number;
                            };
                            respondents: {
                                [key: string]: number;
                            };
                            subIndicators: {
                                [key: string]: number;
                            };
                            tools: {
                                [key: string]: number;
                            };
                            warnings: {
                                code: string;
                                message: string;
                                messageTh: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                source?: {
                                    file?: string;
                                    row?: number;
                                };
                                subject: string;
                            }[];
                            weighted: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's ITA year: each milestone's dates, owner and state (from Prongsai's records where it keeps them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                feed: number | null;
                                update: boolean;
                            };
                            done: boolean;
                            dueOn: string;
                            /** @enum {string} */
                            milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                            nameTh: string;
                            ownerDivisionId: number | null;
                            /** @enum {string} */
                            source: "feature" | "manual";
                            startsOn: string | null;
                            /** @enum {string} */
                            state: "done" | "late" | "due-soon" | "open" | "upcoming";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/calendar/{year}/{milestone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Adjust a milestone of the agency's year: its dates, its owner, or done where no record tells (the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        done?: boolean;
                        dueOn?: string | null;
                        ownerDivisionId?: number | null;
                        startsOn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                feed: number | null;
                                update: boolean;
                            };
                            done: boolean;
                            dueOn: string;
                            /** @enum {string} */
                            milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                            nameTh: string;
                            ownerDivisionId: number | null;
                            /** @enum {string} */
                            source: "feature" | "manual";
                            startsOn: string | null;
                            /** @enum {string} */
                            state: "done" | "late" | "due-soon" | "open" | "upcoming";
                        }[];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/calendar/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret iCalendar feed URL of the agency (division 0) or of a division; the one before stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        divisionId: number;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/calendar/feeds/{division}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke the iCalendar feed of the agency (division 0) or of a division */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    division: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/committees/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ITA committee of a fiscal year: the data of its appointment order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closing: string;
                            duties: string[];
                            members: {
                                name: string;
                                role: string;
                            }[];
                            orderNumber: string;
                            preamble: string[];
                            signatoryName: string;
                            signatoryTitle: string;
                            signedDate: string;
                            subject: string;
                        };
                    };
                };
            };
        };
        /** Write the committee and its appointment order (the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป */
                        closing?: string;
                        duties: string[];
                        members: {
                            name: string;
                            role: string;
                        }[];
                        orderNumber: string;
                        preamble: string[];
                        signatoryName: string;
                        signatoryTitle: string;
                        signedDate: string;
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closing: string;
                            duties: string[];
                            members: {
                                name: string;
                                role: string;
                            }[];
                            orderNumber: string;
                            preamble: string[];
                            signatoryName: string;
                            signatoryTitle: string;
                            signedDate: string;
                            subject: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/committees/{year}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee to edit: the year's own if written, else last year's carried over (years moved on), else the template of seed 002 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                            };
                            committee: {
                                closing: string;
                                duties: string[];
                                members: {
                                    name: string;
                                    role: string;
                                }[];
                                orderNumber: string;
                                preamble: string[];
                                signatoryName: string;
                                signatoryTitle: string;
                                signedDate: string;
                                subject: string;
                            };
                            fromYear: number | null;
                            roles: string[];
                            /** @enum {string} */
                            source: "saved" | "carried" | "template";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/divisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's divisions (ฝ่าย) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description geocode (e.g. 1040), slug (bang-khae) or id */
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number;
                            id: number;
                            nameEn: string;
                            nameTh: string;
                            sortOrder: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a division */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description geocode (e.g. 1040), slug (bang-khae) or id */
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameEn: string;
                        nameTh: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number;
                            id: number;
                            nameEn: string;
                            nameTh: string;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start making a document (measures, progress report, committee order) as PDF or DOCX; returns a job to follow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "pdf" | "docx";
                        /** @enum {string} */
                        kind: "measures" | "progress" | "order" | "clarification" | "memo" | "tasks";
                        /** @enum {string} */
                        memoKind?: "collection" | "schools";
                        round?: 6 | 12;
                        /** @default false */
                        thaiDigits?: boolean;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description The job to follow */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/emblem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's emblem as a PNG, if one was uploaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agency's emblem */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        /** Upload the emblem printed at the head of orders and memos (PNG or JPEG, at most 2 MB; the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                    };
                };
            };
            responses: {
                /** @description The emblem's size in pixels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            height: number;
                            width: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove the emblem: orders print the blank space of its size again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/memos/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's memos (บันทึกข้อความ) the agency's kind has: what the secretariat wrote in, the calendar's instructions, and the text as it prints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendarInstructions: string[];
                            can: {
                                edit: boolean;
                            };
                            content: {
                                date?: string;
                                instructions?: string[];
                                instructionsFrom?: string[];
                                number?: string;
                                origin?: string;
                                phone?: string;
                                signers?: {
                                    name: string;
                                    titles: string[];
                                }[];
                                to?: string;
                            };
                            document: {
                                blocks: ({
                                    /** @enum {string} */
                                    kind: "heading";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "paragraph";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "item";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "table";
                                    rows: (string)[][];
                                })[];
                                closing: string;
                                date: string;
                                /** @enum {string} */
                                kind: "collection" | "schools";
                                number: string;
                                section: string;
                                signers: {
                                    name: string;
                                    titles: string[];
                                }[];
                                subject: string;
                                to: string;
                            };
                            frameworkFromEarlierYear: boolean;
                            frameworkId: string | null;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "collection" | "schools";
                            nameEn: string;
                            nameTh: string;
                            outdated: boolean;
                            updatedAt: string | null;
                            warnings: {
                                blocking: boolean;
                                /** @enum {string} */
                                code: "no-oit-items" | "oit-items-from-earlier-year" | "date-outside-year";
                                en: string;
                                th: string;
                            }[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/memos/{year}/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write into a memo the agency's kind has: its number, date, recipient, origin, instructions and signers (the secretariat; not once issued) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    kind: "collection" | "schools";
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date?: string;
                        instructions?: string[];
                        number?: string;
                        origin?: string;
                        phone?: string;
                        signers?: {
                            name: string;
                            titles: string[];
                        }[];
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendarInstructions: string[];
                            can: {
                                edit: boolean;
                            };
                            content: {
                                date?: string;
                                instructions?: string[];
                                instructionsFrom?: string[];
                                number?: string;
                                origin?: string;
                                phone?: string;
                                signers?: {
                                    name: string;
                                    titles: string[];
                                }[];
                                to?: string;
                            };
                            document: {
                                blocks: ({
                                    /** @enum {string} */
                                    kind: "heading";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "paragraph";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "item";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "table";
                                    rows: (string)[][];
                                })[];
                                closing: string;
                                date: string;
                                /** @enum {string} */
                                kind: "collection" | "schools";
                                number: string;
                                section: string;
                                signers: {
                                    name: string;
                                    titles: string[];
                                }[];
                                subject: string;
                                to: string;
                            };
                            frameworkFromEarlierYear: boolean;
                            frameworkId: string | null;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "collection" | "schools";
                            nameEn: string;
                            nameTh: string;
                            outdated: boolean;
                            updatedAt: string | null;
                            warnings: {
                                blocking: boolean;
                                /** @enum {string} */
                                code: "no-oit-items" | "oit-items-from-earlier-year" | "date-outside-year";
                                en: string;
                                th: string;
                            }[];
                        }[];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/memos/{year}/{kind}/issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Issue a numbered memo, which locks it (`issued: true`), or reopen it (`false`) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    kind: "collection" | "schools";
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        issued: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendarInstructions: string[];
                            can: {
                                edit: boolean;
                            };
                            content: {
                                date?: string;
                                instructions?: string[];
                                instructionsFrom?: string[];
                                number?: string;
                                origin?: string;
                                phone?: string;
                                signers?: {
                                    name: string;
                                    titles: string[];
                                }[];
                                to?: string;
                            };
                            document: {
                                blocks: ({
                                    /** @enum {string} */
                                    kind: "heading";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "paragraph";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "item";
                                    text: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "table";
                                    rows: (string)[][];
                                })[];
                                closing: string;
                                date: string;
                                /** @enum {string} */
                                kind: "collection" | "schools";
                                number: string;
                                section: string;
                                signers: {
                                    name: string;
                                    titles: string[];
                                }[];
                                subject: string;
                                to: string;
                            };
                            frameworkFromEarlierYear: boolean;
                            frameworkId: string | null;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "collection" | "schools";
                            nameEn: string;
                            nameTh: string;
                            outdated: boolean;
                            updatedAt: string | null;
                            warnings: {
                                blocking: boolean;
                                /** @enum {string} */
                                code: "no-oit-items" | "oit-items-from-earlier-year" | "date-outside-year";
                                en: string;
                                th: string;
                            }[];
                        }[];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's OIT checklists by year, and the years a checklist can be opened for (a framework with OIT items) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                approve: boolean;
                                manage: boolean;
                                readWhole: boolean;
                            };
                            checklists: {
                                approvedAt: string | null;
                                fiscalYear: number;
                                frameworkId: string;
                            }[];
                            openable: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's OIT checklist: items with status, divisions, due dates and evidence, and the board (a division editor sees their division's items) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            board: {
                                counts: {
                                    accepted: number;
                                    returned: number;
                                    submitted: number;
                                    todo: number;
                                };
                                overdue: string[];
                                owed: {
                                    codes: string[];
                                    divisionId: number;
                                    overdue: string[];
                                }[];
                                unassigned: string[];
                            };
                            can: {
                                approve: boolean;
                                manage: boolean;
                                readWhole: boolean;
                            };
                            fiscalYear: number;
                            frameworkId: string;
                            items: {
                                can: {
                                    edit: boolean;
                                    review: boolean;
                                };
                                /** @enum {string} */
                                carry: "carried" | "renamed" | "new";
                                code: string;
                                comment: string | null;
                                divisions: number[];
                                dueDate: string | null;
                                evidence: {
                                    bytes: number;
                                    can: {
                                        remove: boolean;
                                    };
                                    check: {
                                        bytes: number;
                                        checkedAt: string;
                                        contentType: string | null;
                                        detail: string | null;
                                        durationMs: number;
                                        finalUrl: string;
                                        mentionsYear: boolean | null;
                                        ok: boolean;
                                        statusCode: number | null;
                                        url: string;
                                        verdict: string;
                                        verdictTh: string;
                                    } | null;
                                    createdAt: string;
                                    divisionId: number | null;
                                    fileName: string | null;
                                    id: number;
                                    /** @enum {string} */
                                    kind: "file" | "link";
                                    mime: string | null;
                                    note: string;
                                    title: string;
                                    url: string | null;
                                }[];
                                indicator: number;
                                name: string | null;
                                overdue: boolean;
                                requirement: string | null;
                                /** @enum {string} */
                                status: "todo" | "submitted" | "returned" | "accepted";
                                subIndicator: string | null;
                                updatedAt: string;
                            }[];
                            linkCheck: {
                                checked: number;
                                createdAt: string;
                                error: {
                                    message: string;
                                    messageTh: string;
                                } | null;
                                finishedAt: string | null;
                                fiscalYear: number;
                                id: string;
                                passed: number;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                                total: number;
                                trigger: string;
                            } | null;
                            published: {
                                at: string;
                                items: string[];
                                url: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open the year's checklist from its framework, carrying last year's divisions over (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        framework?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            board: {
                                counts: {
                                    accepted: number;
                                    returned: number;
                                    submitted: number;
                                    todo: number;
                                };
                                overdue: string[];
                                owed: {
                                    codes: string[];
                                    divisionId: number;
                                    overdue: string[];
                                }[];
                                unassigned: string[];
                            };
                            can: {
                                approve: boolean;
                                manage: boolean;
                                readWhole: boolean;
                            };
                            fiscalYear: number;
                            frameworkId: string;
                            items: {
                                can: {
                                    edit: boolean;
                                    review: boolean;
                                };
                                /** @enum {string} */
                                carry: "carried" | "renamed" | "new";
                                code: string;
                                comment: string | null;
                                divisions: number[];
                                dueDate: string | null;
                                evidence: {
                                    bytes: number;
                                    can: {
                                        remove: boolean;
                                    };
                                    createdAt: string;
                                    divisionId: number | null;
                                    fileName: string | null;
                                    id: number;
                                    /** @enum {string} */
                                    kind: "file" | "link";
                                    mime: string | null;
                                    note: string;
                                    title: string;
                                    url: string | null;
                                }[];
                                indicator: number;
                                name: string | null;
                                overdue: boolean;
                                requirement: string | null;
                                /** @enum {string} */
                                status: "todo" | "submitted" | "returned" | "accepted";
                                subIndicator: string | null;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the checklist (an executive): the accepted items become the agency's transparency page of the year */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: number;
                            publication: {
                                fiscalYear: number;
                                id: number;
                                /** @enum {string} */
                                kind: "results" | "plan" | "round" | "oit";
                                live: boolean;
                                publishedAt: string;
                                publishedBy: number | null;
                                round: number | null;
                                withdrawnAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign items to divisions and set their due dates, several items at once (the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        codes: string[];
                        divisions?: number[];
                        dueDate?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            board: {
                                counts: {
                                    accepted: number;
                                    returned: number;
                                    submitted: number;
                                    todo: number;
                                };
                                overdue: string[];
                                owed: {
                                    codes: string[];
                                    divisionId: number;
                                    overdue: string[];
                                }[];
                                unassigned: string[];
                            };
                            can: {
                                approve: boolean;
                                manage: boolean;
                                readWhole: boolean;
                            };
                            fiscalYear: number;
                            frameworkId: string;
                            items: {
                                can: {
                                    edit: boolean;
                                    review: boolean;
                                };
                                /** @enum {string} */
                                carry: "carried" | "renamed" | "new";
                                code: string;
                                comment: string | null;
                                divisions: number[];
                                dueDate: string | null;
                                evidence: {
                                    bytes: number;
                                    can: {
                                        remove: boolean;
                                    };
                                    createdAt: string;
                                    divisionId: number | null;
                                    fileName: string | null;
                                    id: number;
                                    /** @enum {string} */
                                    kind: "file" | "link";
                                    mime: string | null;
                                    note: string;
                                    title: string;
                                    url: string | null;
                                }[];
                                indicator: number;
                                name: string | null;
                                overdue: boolean;
                                requirement: string | null;
                                /** @enum {string} */
                                status: "todo" | "submitted" | "returned" | "accepted";
                                subIndicator: string | null;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/clarification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clarification round: the assessors' preliminary OIT scores, the disputed items with their clarification and evidence, the confirmed scores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: {
                                confirmedAt: string | null;
                                confirmedOit: number | null;
                                file: string;
                                fiscalYear: number;
                                importedAt: string;
                                items: {
                                    clarification: string;
                                    code: string;
                                    confirmed: number | null;
                                    disputed: boolean;
                                    evidence: {
                                        id: number;
                                        title: string;
                                        url: string;
                                    }[];
                                    indicator: number;
                                    name: string | null;
                                    preliminary: number;
                                    suggestion: string | null;
                                }[];
                                preliminaryOit: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/clarification/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the assessors' confirmed scores of the disputed items (the others keep their preliminary ones); the whole becomes the year's OIT result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scores: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: {
                                confirmedAt: string | null;
                                confirmedOit: number | null;
                                file: string;
                                fiscalYear: number;
                                importedAt: string;
                                items: {
                                    clarification: string;
                                    code: string;
                                    confirmed: number | null;
                                    disputed: boolean;
                                    evidence: {
                                        id: number;
                                        title: string;
                                        url: string;
                                    }[];
                                    indicator: number;
                                    name: string | null;
                                    preliminary: number;
                                    suggestion: string | null;
                                }[];
                                preliminaryOit: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/clarification/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Dispute an item with the clarification and the evidence it points to, or accept its preliminary score (the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        clarification?: string;
                        disputed: boolean;
                        /** @default [] */
                        evidence?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: {
                                confirmedAt: string | null;
                                confirmedOit: number | null;
                                file: string;
                                fiscalYear: number;
                                importedAt: string;
                                items: {
                                    clarification: string;
                                    code: string;
                                    confirmed: number | null;
                                    disputed: boolean;
                                    evidence: {
                                        id: number;
                                        title: string;
                                        url: string;
                                    }[];
                                    indicator: number;
                                    name: string | null;
                                    preliminary: number;
                                    suggestion: string | null;
                                }[];
                                preliminaryOit: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/clarification/preliminary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the assessors' preliminary OIT scores from a results file (OIT details, scores, XLSX) or pasted NACC tables (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        fileName: string;
                    } | {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: {
                                confirmedAt: string | null;
                                confirmedOit: number | null;
                                file: string;
                                fiscalYear: number;
                                importedAt: string;
                                items: {
                                    clarification: string;
                                    code: string;
                                    confirmed: number | null;
                                    disputed: boolean;
                                    evidence: {
                                        id: number;
                                        title: string;
                                        url: string;
                                    }[];
                                    indicator: number;
                                    name: string | null;
                                    preliminary: number;
                                    suggestion: string | null;
                                }[];
                                preliminaryOit: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/items/{code}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the item (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                                review: boolean;
                            };
                            /** @enum {string} */
                            carry: "carried" | "renamed" | "new";
                            code: string;
                            comment: string | null;
                            divisions: number[];
                            dueDate: string | null;
                            evidence: {
                                bytes: number;
                                can: {
                                    remove: boolean;
                                };
                                createdAt: string;
                                divisionId: number | null;
                                fileName: string | null;
                                id: number;
                                /** @enum {string} */
                                kind: "file" | "link";
                                mime: string | null;
                                note: string;
                                title: string;
                                url: string | null;
                            }[];
                            indicator: number;
                            name: string | null;
                            overdue: boolean;
                            requirement: string | null;
                            /** @enum {string} */
                            status: "todo" | "submitted" | "returned" | "accepted";
                            subIndicator: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/items/{code}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a document (PDF, image, DOCX or XLSX; type sniffed from the content; at most 15 MB) or a link to an item, with a note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        note?: string;
                        title: string;
                        url: string;
                    } | {
                        contentBase64: string;
                        fileName: string;
                        /** @default  */
                        note?: string;
                        /** @default  */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            createdAt: string;
                            divisionId: number | null;
                            fileName: string | null;
                            id: number;
                            /** @enum {string} */
                            kind: "file" | "link";
                            mime: string | null;
                            note: string;
                            title: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/items/{code}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return the item to its divisions with a comment (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                                review: boolean;
                            };
                            /** @enum {string} */
                            carry: "carried" | "renamed" | "new";
                            code: string;
                            comment: string | null;
                            divisions: number[];
                            dueDate: string | null;
                            evidence: {
                                bytes: number;
                                can: {
                                    remove: boolean;
                                };
                                createdAt: string;
                                divisionId: number | null;
                                fileName: string | null;
                                id: number;
                                /** @enum {string} */
                                kind: "file" | "link";
                                mime: string | null;
                                note: string;
                                title: string;
                                url: string | null;
                            }[];
                            indicator: number;
                            name: string | null;
                            overdue: boolean;
                            requirement: string | null;
                            /** @enum {string} */
                            status: "todo" | "submitted" | "returned" | "accepted";
                            subIndicator: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/items/{code}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the item to the secretariat (its division or the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                                review: boolean;
                            };
                            /** @enum {string} */
                            carry: "carried" | "renamed" | "new";
                            code: string;
                            comment: string | null;
                            divisions: number[];
                            dueDate: string | null;
                            evidence: {
                                bytes: number;
                                can: {
                                    remove: boolean;
                                };
                                createdAt: string;
                                divisionId: number | null;
                                fileName: string | null;
                                id: number;
                                /** @enum {string} */
                                kind: "file" | "link";
                                mime: string | null;
                                note: string;
                                title: string;
                                url: string | null;
                            }[];
                            indicator: number;
                            name: string | null;
                            overdue: boolean;
                            requirement: string | null;
                            /** @enum {string} */
                            status: "todo" | "submitted" | "returned" | "accepted";
                            subIndicator: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/link-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every link of the year's checklist now, in the background (the secretariat); answers the run, queued or already under way */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A check already under way */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            createdAt: string;
                            error: {
                                message: string;
                                messageTh: string;
                            } | null;
                            finishedAt: string | null;
                            fiscalYear: number;
                            id: string;
                            passed: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            total: number;
                            trigger: string;
                        };
                    };
                };
                /** @description The check, queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            createdAt: string;
                            error: {
                                message: string;
                                messageTh: string;
                            } | null;
                            finishedAt: string | null;
                            fiscalYear: number;
                            id: string;
                            passed: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            total: number;
                            trigger: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each link of the items the actor may see, with its latest check and its history (newest first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            history: {
                                bytes: number;
                                checkedAt: string;
                                contentType: string | null;
                                detail: string | null;
                                durationMs: number;
                                finalUrl: string;
                                mentionsYear: boolean | null;
                                ok: boolean;
                                statusCode: number | null;
                                url: string;
                                verdict: string;
                                verdictTh: string;
                            }[];
                            items: string[];
                            latest: {
                                bytes: number;
                                checkedAt: string;
                                contentType: string | null;
                                detail: string | null;
                                durationMs: number;
                                finalUrl: string;
                                mentionsYear: boolean | null;
                                ok: boolean;
                                statusCode: number | null;
                                url: string;
                                verdict: string;
                                verdictTh: string;
                            } | null;
                            url: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/oit/{year}/prediction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness of each item and the predicted OIT score, ITA range and level with this year's (or last year's) IIT/EIT; the items whose absence costs most */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string | null;
                            costly: {
                                code: string;
                                points: number;
                                /** @enum {string} */
                                readiness: "ready" | "at-risk" | "missing";
                            }[];
                            counts: {
                                "at-risk": number;
                                missing: number;
                                ready: number;
                            };
                            dueDate: string;
                            ita: {
                                high: number;
                                low: number;
                            } | null;
                            level: {
                                high: {
                                    allToolsMin?: number;
                                    id: string;
                                    min: number;
                                    name: {
                                        en?: string | null;
                                        th: string;
                                    };
                                } | null;
                                low: {
                                    allToolsMin?: number;
                                    id: string;
                                    min: number;
                                    name: {
                                        en?: string | null;
                                        th: string;
                                    };
                                } | null;
                            };
                            oit: {
                                high: number;
                                low: number;
                            };
                            readiness: {
                                [key: string]: "ready" | "at-risk" | "missing";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plan-abilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What you may do with an agency's plans, whether or not it has any yet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manage: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's measure plans */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basedOnYear: number | null;
                            fiscalYear: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A plan with its entries, in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basedOnYear: number | null;
                            can: {
                                manage: boolean;
                            };
                            entries: {
                                cadence: string;
                                cadenceText: string | null;
                                divisions: ("all" | number)[];
                                endDate: string | null;
                                id: number;
                                indicatorNumber: number | null;
                                issue: string;
                                measures: string[];
                                position: number;
                                questionCode: string | null;
                                questionText: string | null;
                                score: number | null;
                                /** @enum {string} */
                                section: "question" | "indicator" | "extra";
                                startDate: string | null;
                                targetScore: number | null;
                                title: string | null;
                                version: number;
                            }[];
                            fiscalYear: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the plan of a fiscal year: from the questions below the threshold, per indicator, or empty */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "weak-points" | "indicators" | "empty";
                        threshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basedOnYear: number | null;
                            can: {
                                manage: boolean;
                            };
                            entries: {
                                cadence: string;
                                cadenceText: string | null;
                                divisions: ("all" | number)[];
                                endDate: string | null;
                                id: number;
                                indicatorNumber: number | null;
                                issue: string;
                                measures: string[];
                                position: number;
                                questionCode: string | null;
                                questionText: string | null;
                                score: number | null;
                                /** @enum {string} */
                                section: "question" | "indicator" | "extra";
                                startDate: string | null;
                                targetScore: number | null;
                                title: string | null;
                                version: number;
                            }[];
                            fiscalYear: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/carry-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start next year's plan from chosen entries of this one (no status, result or evidence is copied) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entryIds: number[];
                        toYear: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                cadence: string;
                                cadenceText: string | null;
                                divisions: ("all" | number)[];
                                endDate: string | null;
                                id: number;
                                indicatorNumber: number | null;
                                issue: string;
                                measures: string[];
                                position: number;
                                questionCode: string | null;
                                questionText: string | null;
                                score: number | null;
                                /** @enum {string} */
                                section: "question" | "indicator" | "extra";
                                startDate: string | null;
                                targetScore: number | null;
                                title: string | null;
                                version: number;
                            }[];
                            fiscalYear: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an entry to a plan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cadence: "bimonthly" | "quarterly" | "semiannual" | "twice-yearly" | "custom";
                        cadenceText?: string | null;
                        divisions: ("all" | number)[];
                        endDate?: string | null;
                        indicatorNumber?: number | null;
                        issue: string;
                        measures: string[];
                        questionCode?: string | null;
                        questionText?: string | null;
                        score?: number | null;
                        /** @enum {string} */
                        section: "question" | "indicator" | "extra";
                        startDate?: string | null;
                        targetScore?: number | null;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cadence: string;
                            cadenceText: string | null;
                            divisions: ("all" | number)[];
                            endDate: string | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            position: number;
                            questionCode: string | null;
                            questionText: string | null;
                            score: number | null;
                            /** @enum {string} */
                            section: "question" | "indicator" | "extra";
                            startDate: string | null;
                            targetScore: number | null;
                            title: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/rounds/{round}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A progress round: the entries you may see with their reports and evidence, completeness per division */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    round: number;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            can: {
                                approve: boolean;
                                readCompleteness: boolean;
                                reopen: boolean;
                                review: boolean;
                            };
                            completeness: {
                                assigned: number;
                                divisionId: number;
                                nameEn: string;
                                nameTh: string;
                                reported: number;
                            }[];
                            dueDate: string;
                            entries: {
                                can: {
                                    edit: boolean;
                                    review: boolean;
                                };
                                entry: {
                                    cadence: string;
                                    cadenceText: string | null;
                                    divisions: ("all" | number)[];
                                    endDate: string | null;
                                    id: number;
                                    indicatorNumber: number | null;
                                    issue: string;
                                    measures: string[];
                                    position: number;
                                    questionCode: string | null;
                                    questionText: string | null;
                                    score: number | null;
                                    /** @enum {string} */
                                    section: "question" | "indicator" | "extra";
                                    startDate: string | null;
                                    targetScore: number | null;
                                    title: string | null;
                                    version: number;
                                };
                                evidence: {
                                    bytes: number;
                                    caption: string;
                                    height: number | null;
                                    id: number;
                                    /** @enum {string} */
                                    kind: "image" | "pdf";
                                    link: string | null;
                                    mime: string;
                                    position: number;
                                    thumbUrl: string | null;
                                    url: string;
                                    width: number | null;
                                }[];
                                missing: boolean;
                                parts: {
                                    can: {
                                        edit: boolean;
                                    };
                                    divisionId: number;
                                    nameEn: string;
                                    nameTh: string;
                                    narrative: string;
                                    /** @enum {string} */
                                    status: "not-started" | "in-progress" | "done" | "not-done";
                                    submitted: boolean;
                                    submittedAt: string | null;
                                    updatedAt: string | null;
                                }[];
                                report: {
                                    entryId: number;
                                    id: number | null;
                                    narrative: string;
                                    reason: string | null;
                                    /** @enum {string} */
                                    review: "draft" | "submitted" | "returned" | "accepted";
                                    reviewComment: string | null;
                                    /** @enum {string} */
                                    status: "not-started" | "in-progress" | "done" | "not-done";
                                    updatedAt: string | null;
                                };
                            }[];
                            overdue: boolean;
                            revision: number;
                            round: 6 | 12;
                            /** @enum {string} */
                            status: "open" | "approved";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/rounds/{round}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the round (an executive); it is locked from then on. Refused (409) while reports are unsent or unreviewed, unless a reason for approving anyway is given (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    round: number;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                            /** @enum {string} */
                            status: "open" | "approved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/rounds/{round}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an approved round again as a new revision; the approved one stays in the history */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    round: number;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                            /** @enum {string} */
                            status: "open" | "approved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/plans/{year}/rounds/{round}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approved revisions of a round */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    round: number;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: number | null;
                            revision: number;
                            snapshot: {
                                entries: ({
                                    entry: {
                                        id: number;
                                        questionCode: string | null;
                                        title: string | null;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    evidence: ({
                                        id: number;
                                    } & {
                                        [key: string]: unknown;
                                    })[];
                                    report: {
                                        narrative: string;
                                        status: string;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the agency has published and withdrawn */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYear: number;
                            id: number;
                            /** @enum {string} */
                            kind: "results" | "plan" | "round" | "oit";
                            live: boolean;
                            publishedAt: string;
                            publishedBy: number | null;
                            round: number | null;
                            withdrawnAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Publish results, the measures plan or an approved progress round as open data (the secretariat); audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "results" | "plan" | "round";
                        round?: 6 | 12;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYear: number;
                            id: number;
                            /** @enum {string} */
                            kind: "results" | "plan" | "round" | "oit";
                            live: boolean;
                            publishedAt: string;
                            publishedBy: number | null;
                            round: number | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/survey-abilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What you may do with an agency's survey rounds, whether or not it has any yet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's self-assessment survey rounds, newest first, each with what you may do with it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                manage: boolean;
                            };
                            closedAt: string | null;
                            closesOn: string;
                            code: string;
                            fiscalYear: number;
                            framework: string;
                            id: number;
                            link: string;
                            open: boolean;
                            opensOn: string;
                            /** @enum {string} */
                            tool: "IIT" | "EIT";
                            useCodes: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Open a self-assessment IIT or EIT round from the year's framework, with open and close dates (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        closesOn: string;
                        fiscalYear: number;
                        framework?: string;
                        opensOn: string;
                        /** @enum {string} */
                        tool: "IIT" | "EIT";
                        /** @default false */
                        useCodes?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                manage: boolean;
                            };
                            closedAt: string | null;
                            closesOn: string;
                            code: string;
                            fiscalYear: number;
                            framework: string;
                            id: number;
                            link: string;
                            open: boolean;
                            opensOn: string;
                            /** @enum {string} */
                            tool: "IIT" | "EIT";
                            useCodes: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/tasks/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the signed-in person must do now in the agency's year, by their role and division */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueOn: string | null;
                            href: string;
                            /** @enum {string} */
                            kind: "oit-evidence" | "oit-review" | "oit-approve" | "progress-report" | "progress-review" | "progress-approve" | "division-late" | "milestone";
                            late: boolean;
                            title: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{agency}/workbook/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One XLSX with results, analysis and measures of a plan year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The plan year as one workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add and update agencies from a CSV or XLSX list (central admins); dryRun: the plan only
         * @description Columns code,name_th,name_en,kind,parent_code[,divisions (names separated by ;)]. An existing code is updated, never duplicated; all rows or none: a bad file answers 422 with every bad row (row, column) in details.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        /** @default false */
                        dryRun?: boolean;
                        fileName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            divisionsAdded: number;
                            dryRun: boolean;
                            fileName: string;
                            rows: {
                                /** @enum {string} */
                                action: "add" | "update" | "unchanged";
                                changes: string[];
                                code: string;
                                divisionsAdded: number;
                                nameTh: string;
                                row: number;
                            }[];
                            unchanged: number;
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agency-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kinds of agency: naming, units, survey sampling */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                            };
                            kind: {
                                defaultUnits: {
                                    en: string;
                                    th: string;
                                }[];
                                id: string;
                                /** @description ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data) */
                                milestones?: string[];
                                nameEn: string;
                                nameTh: string;
                                naming: {
                                    agencyEn: string;
                                    agencyTh: string;
                                    headEn: string;
                                    headTh: string;
                                };
                                sampling: {
                                    eit: {
                                        defaultMinimum: number | null;
                                        minimums: {
                                            [key: string]: number;
                                        };
                                    };
                                    iit: {
                                        allEmployeesUnits: string[];
                                        employeeShare: number;
                                        /** @enum {string} */
                                        rule: "bma-district";
                                    } | {
                                        /** @enum {string} */
                                        rule: "itas-computed";
                                    } | {
                                        minimum: number;
                                        /** @enum {string} */
                                        rule: "minimum";
                                    };
                                    source: string;
                                    /**
                                     * @description official: from a cited source; review: a default an administrator should check
                                     * @enum {string}
                                     */
                                    status: "official" | "review";
                                };
                                /** @enum {string} */
                                unitTerm: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            shipped: boolean;
                            unitTerm: {
                                en: string;
                                /** @enum {string} */
                                th: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            updatedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a kind of agency (central admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaultUnits: {
                            en: string;
                            th: string;
                        }[];
                        id: string;
                        /** @description ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data) */
                        milestones?: string[];
                        nameEn: string;
                        nameTh: string;
                        naming: {
                            agencyEn: string;
                            agencyTh: string;
                            headEn: string;
                            headTh: string;
                        };
                        sampling: {
                            eit: {
                                defaultMinimum: number | null;
                                minimums: {
                                    [key: string]: number;
                                };
                            };
                            iit: {
                                allEmployeesUnits: string[];
                                employeeShare: number;
                                /** @enum {string} */
                                rule: "bma-district";
                            } | {
                                /** @enum {string} */
                                rule: "itas-computed";
                            } | {
                                minimum: number;
                                /** @enum {string} */
                                rule: "minimum";
                            };
                            source: string;
                            /**
                             * @description official: from a cited source; review: a default an administrator should check
                             * @enum {string}
                             */
                            status: "official" | "review";
                        };
                        /** @enum {string} */
                        unitTerm: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                            };
                            kind: {
                                defaultUnits: {
                                    en: string;
                                    th: string;
                                }[];
                                id: string;
                                /** @description ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data) */
                                milestones?: string[];
                                nameEn: string;
                                nameTh: string;
                                naming: {
                                    agencyEn: string;
                                    agencyTh: string;
                                    headEn: string;
                                    headTh: string;
                                };
                                sampling: {
                                    eit: {
                                        defaultMinimum: number | null;
                                        minimums: {
                                            [key: string]: number;
                                        };
                                    };
                                    iit: {
                                        allEmployeesUnits: string[];
                                        employeeShare: number;
                                        /** @enum {string} */
                                        rule: "bma-district";
                                    } | {
                                        /** @enum {string} */
                                        rule: "itas-computed";
                                    } | {
                                        minimum: number;
                                        /** @enum {string} */
                                        rule: "minimum";
                                    };
                                    source: string;
                                    /**
                                     * @description official: from a cited source; review: a default an administrator should check
                                     * @enum {string}
                                     */
                                    status: "official" | "review";
                                };
                                /** @enum {string} */
                                unitTerm: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            shipped: boolean;
                            unitTerm: {
                                en: string;
                                /** @enum {string} */
                                th: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agency-kinds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a kind of agency (central admins); its id stays */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaultUnits: {
                            en: string;
                            th: string;
                        }[];
                        /** @description ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data) */
                        milestones?: string[];
                        nameEn: string;
                        nameTh: string;
                        naming: {
                            agencyEn: string;
                            agencyTh: string;
                            headEn: string;
                            headTh: string;
                        };
                        sampling: {
                            eit: {
                                defaultMinimum: number | null;
                                minimums: {
                                    [key: string]: number;
                                };
                            };
                            iit: {
                                allEmployeesUnits: string[];
                                employeeShare: number;
                                /** @enum {string} */
                                rule: "bma-district";
                            } | {
                                /** @enum {string} */
                                rule: "itas-computed";
                            } | {
                                minimum: number;
                                /** @enum {string} */
                                rule: "minimum";
                            };
                            source: string;
                            /**
                             * @description official: from a cited source; review: a default an administrator should check
                             * @enum {string}
                             */
                            status: "official" | "review";
                        };
                        /** @enum {string} */
                        unitTerm: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                            };
                            kind: {
                                defaultUnits: {
                                    en: string;
                                    th: string;
                                }[];
                                id: string;
                                /** @description ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data) */
                                milestones?: string[];
                                nameEn: string;
                                nameTh: string;
                                naming: {
                                    agencyEn: string;
                                    agencyTh: string;
                                    headEn: string;
                                    headTh: string;
                                };
                                sampling: {
                                    eit: {
                                        defaultMinimum: number | null;
                                        minimums: {
                                            [key: string]: number;
                                        };
                                    };
                                    iit: {
                                        allEmployeesUnits: string[];
                                        employeeShare: number;
                                        /** @enum {string} */
                                        rule: "bma-district";
                                    } | {
                                        /** @enum {string} */
                                        rule: "itas-computed";
                                    } | {
                                        minimum: number;
                                        /** @enum {string} */
                                        rule: "minimum";
                                    };
                                    source: string;
                                    /**
                                     * @description official: from a cited source; review: a default an administrator should check
                                     * @enum {string}
                                     */
                                    status: "official" | "review";
                                };
                                /** @enum {string} */
                                unitTerm: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            shipped: boolean;
                            unitTerm: {
                                en: string;
                                /** @enum {string} */
                                th: "ฝ่าย" | "กอง" | "สำนัก" | "กลุ่มงาน" | "งาน";
                            };
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of every write, newest first: every agency's for central admins, its own for a secretariat */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    agency?: number;
                    entity?: string;
                    format?: "json" | "csv";
                    from?: string;
                    limit?: number;
                    offset?: number;
                    q?: string;
                    to?: string;
                    user?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entries as JSON, or as a CSV file when `format` is csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            after: unknown;
                            agencyId: number | null;
                            agencyName: string | null;
                            at: string;
                            before: unknown;
                            entity: string;
                            entityId: string | null;
                            id: number;
                            recordName: string | null;
                            userEmail: string | null;
                            userId: number | null;
                            userName: string | null;
                        }[];
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: {
                                [key: string]: boolean;
                            };
                            agency: {
                                code: string;
                                id: number;
                                nameEn: string;
                                nameTh: string;
                                slug: string;
                            } | null;
                            csrfToken: string;
                            user: {
                                agencyId: number | null;
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                divisionId: number | null;
                                email: string;
                                id: number;
                                locked: boolean;
                                /** @enum {string} */
                                role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's live sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            current: boolean;
                            id: string;
                            lastSeenAt: string;
                            userAgent: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{year}/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The city-wide dates of a fiscal year, NACC's periods among them (central admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dueOn: string;
                        /** @enum {string} */
                        milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                        startsOn: string | null;
                    }[];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{year}/late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** City-wide: a page of the agencies late or due soon with a milestone, and the counts per milestone (central admins); `milestone` and `state` filter, `format=csv` or `xlsx` downloads every late agency */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv" | "xlsx";
                    limit?: number;
                    milestone?: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "dueOn" | "name" | "milestone";
                    state?: "late" | "due-soon";
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the agencies late and due soon; or every late agency as a CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            milestones: {
                                dueSoon: number;
                                late: number;
                                /** @enum {string} */
                                milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                                nameTh: string;
                            }[];
                            pending: boolean;
                            rows: {
                                agency: {
                                    nameTh: string;
                                    slug: string;
                                };
                                daysLate: number;
                                dueOn: string;
                                /** @enum {string} */
                                milestone: "committee-order" | "memos" | "measures-plan" | "measures-publication" | "schools-data" | "staff-count" | "oit-evidence" | "iit-collection" | "eit-collection" | "oit-publication" | "nacc-survey" | "nacc-oit" | "progress-6" | "results" | "progress-12";
                                milestoneTh: string;
                                /** @enum {string} */
                                state: "late" | "due-soon";
                            }[];
                            total: number;
                        };
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On a demo server only: the demo accounts to try, by role (404 elsewhere) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                agency: string | null;
                                email: string;
                                role: string;
                            }[];
                            password: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/divisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a division no account belongs to */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or reorder a division */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameEn?: string;
                        nameTh?: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number;
                            id: number;
                            nameEn: string;
                            nameTh: string;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/documents/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make one document for every agency the central admin oversees (every kind but the central bodies); returns the batch, whose jobs are read a page at a time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "pdf" | "docx";
                        /** @enum {string} */
                        kind: "measures" | "progress" | "order" | "clarification" | "memo" | "tasks";
                        /** @enum {string} */
                        memoKind?: "collection" | "schools";
                        round?: 6 | 12;
                        /** @default false */
                        thaiDigits?: boolean;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description The batch: its id and how many jobs it holds */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the batches the central admin asked for (newest first unless sorted), each with its jobs counted by status */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "created" | "year" | "kind";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                counts: {
                                    done: number;
                                    failed: number;
                                    queued: number;
                                    running: number;
                                };
                                createdAt: string;
                                /** @enum {string} */
                                format: "pdf" | "docx";
                                id: string;
                                /** @enum {string} */
                                kind: "measures" | "progress" | "order" | "clarification" | "memo" | "tasks";
                                round: number | null;
                                /** @description How many jobs (agencies) the batch holds */
                                total: number;
                                year: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch with a page of its jobs (sorted by agency code or name or by status, filtered by status, searched by agency) and its jobs counted by status; for the one who asked and central admins of the whole country */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "code" | "name" | "status";
                    status?: "queued" | "running" | "done" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batch: {
                                createdAt: string;
                                /** @enum {string} */
                                format: "pdf" | "docx";
                                id: string;
                                /** @enum {string} */
                                kind: "measures" | "progress" | "order" | "clarification" | "memo" | "tasks";
                                round: number | null;
                                /** @description How many jobs (agencies) the batch holds */
                                total: number;
                                year: number;
                            };
                            counts: {
                                done: number;
                                failed: number;
                                queued: number;
                                running: number;
                            };
                            rows: {
                                agency: {
                                    code: string;
                                    id: number;
                                    nameEn: string;
                                    nameTh: string;
                                    slug: string;
                                };
                                error: {
                                    message: string;
                                    messageTh: string;
                                } | null;
                                id: string;
                                progress: number;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                                url: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write the progress of one measure in a round (its division, or the secretariat) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        narrative: string;
                        reason?: string | null;
                        /** @enum {string} */
                        status: "not-started" | "in-progress" | "done" | "not-done";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entryId: number;
                            id: number | null;
                            narrative: string;
                            reason: string | null;
                            /** @enum {string} */
                            review: "draft" | "submitted" | "returned" | "accepted";
                            reviewComment: string | null;
                            /** @enum {string} */
                            status: "not-started" | "in-progress" | "done" | "not-done";
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a photo or PDF to a report: type sniffed from the content, images re-encoded without EXIF, at most 15 MB */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        caption?: string;
                        contentBase64: string;
                        fileName: string;
                        link?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            caption: string;
                            height: number | null;
                            id: number;
                            /** @enum {string} */
                            kind: "image" | "pdf";
                            link: string | null;
                            mime: string;
                            position: number;
                            thumbUrl: string | null;
                            url: string;
                            width: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}/parts/{division}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write one division's part of a measure shared by several divisions */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    division: number;
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        narrative: string;
                        /** @enum {string} */
                        status: "not-started" | "in-progress" | "done" | "not-done";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                edit: boolean;
                            };
                            divisionId: number;
                            nameEn: string;
                            nameTh: string;
                            narrative: string;
                            /** @enum {string} */
                            status: "not-started" | "in-progress" | "done" | "not-done";
                            submitted: boolean;
                            submittedAt: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}/parts/{division}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one division's part; the report goes to review when every division has sent its part */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    division: number;
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            part: {
                                can: {
                                    edit: boolean;
                                };
                                divisionId: number;
                                nameEn: string;
                                nameTh: string;
                                narrative: string;
                                /** @enum {string} */
                                status: "not-started" | "in-progress" | "done" | "not-done";
                                submitted: boolean;
                                submittedAt: string | null;
                                updatedAt: string | null;
                            };
                            /** @enum {string} */
                            reportReview: "draft" | "submitted" | "returned" | "accepted";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a report, return it to its division, or comment (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "accept" | "return" | "comment";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entryId: number;
                            id: number | null;
                            narrative: string;
                            reason: string | null;
                            /** @enum {string} */
                            review: "draft" | "submitted" | "returned" | "accepted";
                            reviewComment: string | null;
                            /** @enum {string} */
                            status: "not-started" | "in-progress" | "done" | "not-done";
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{entry}/reports/{round}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the report to the secretariat for review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entry: number;
                    round: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entryId: number;
                            id: number | null;
                            narrative: string;
                            reason: string | null;
                            /** @enum {string} */
                            review: "draft" | "submitted" | "returned" | "accepted";
                            reviewComment: string | null;
                            /** @enum {string} */
                            status: "not-started" | "in-progress" | "done" | "not-done";
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a plan entry (with its progress reports); refused while an approved round shows it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a plan entry */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cadence?: "bimonthly" | "quarterly" | "semiannual" | "twice-yearly" | "custom";
                        cadenceText?: string | null;
                        divisions?: ("all" | number)[];
                        endDate?: string | null;
                        indicatorNumber?: number | null;
                        issue?: string;
                        measures?: string[];
                        position?: number;
                        questionCode?: string | null;
                        questionText?: string | null;
                        score?: number | null;
                        /** @enum {string} */
                        section?: "question" | "indicator" | "extra";
                        startDate?: string | null;
                        targetScore?: number | null;
                        title?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cadence: string;
                            cadenceText: string | null;
                            divisions: ("all" | number)[];
                            endDate: string | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            position: number;
                            questionCode: string | null;
                            questionText: string | null;
                            score: number | null;
                            /** @enum {string} */
                            section: "question" | "indicator" | "extra";
                            startDate: string | null;
                            targetScore: number | null;
                            title: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an evidence file */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the caption, link or order of an evidence file */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caption?: string;
                        link?: string | null;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            caption: string;
                            height: number | null;
                            id: number;
                            /** @enum {string} */
                            kind: "image" | "pdf";
                            link: string | null;
                            mime: string;
                            position: number;
                            thumbUrl: string | null;
                            url: string;
                            width: number | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/evidence/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The photo or PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/thumb": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image thumbnail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The thumbnail */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fiscal-years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current fiscal year (พ.ศ.) and its neighbours, with their first and last days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: number;
                            years: {
                                end: {
                                    day: number;
                                    month: number;
                                    year: number;
                                };
                                start: {
                                    day: number;
                                    month: number;
                                    year: number;
                                };
                                year: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/framework-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drafts of new sets, newest edit first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fromId: string | null;
                            id: string;
                            publishedAt: string | null;
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Start a draft under a new id, from any set (`from`: the same content, provisional, naming it) or empty; 409 if the id is taken */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from?: string | null;
                        id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A framework document as written (it may have problems) */
                            data: unknown;
                            fromId: string | null;
                            id: string;
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            publishedAt: string | null;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/framework-drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A draft: its whole document, every problem (Thai and English) and each feature's readiness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A framework document as written (it may have problems) */
                            data: unknown;
                            fromId: string | null;
                            id: string;
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            publishedAt: string | null;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace the whole document (numbers may be in Thai digits); a set with problems is not saved: 422 lists each in Thai */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A framework document as written (it may have problems) */
                            data: unknown;
                            fromId: string | null;
                            id: string;
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            publishedAt: string | null;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace one top-level part (tools, indicators, questions, oitItems, scales, levels, …; numbers may be in Thai digits); a set with problems is not saved: 422 lists each in Thai */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        part: "name" | "fiscalYears" | "agencyKinds" | "provenance" | "unknowns" | "analysisThreshold" | "scales" | "levels" | "tools" | "indicators" | "questions" | "oitItems";
                        value: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A framework document as written (it may have problems) */
                            data: unknown;
                            fromId: string | null;
                            id: string;
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            publishedAt: string | null;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/framework-drafts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft as a set that never changes, under its id, for the given fiscal years (Thai digits accepted) and kinds of agency, through the framework import; 409 if published already */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agencyKinds?: string[];
                        fiscalYears: (number | string)[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYears: number[];
                            id: string;
                            oitItems: number;
                            questions: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ITA question sets, each with its kinds of agency, provenance (provisional or not) and readiness for each feature */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyKinds: string[];
                            fiscalYears: number[];
                            id: string;
                            name: {
                                en?: string | null;
                                th: string;
                            };
                            notice: {
                                en: string;
                                th: string;
                            } | null;
                            provenance: {
                                confirmedAt: string | null;
                                confirmedBy: string | null;
                                notes?: string[];
                                provisional: boolean;
                                sources: {
                                    citation: string;
                                    gave: string;
                                    id: string;
                                    kind: string;
                                }[];
                                unknowns: string[];
                            };
                            provisional: boolean;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Load a new year's framework from its JSON file or workbook (central admins): every problem listed; `dryRun` only checks. Saved frameworks never change, and no fiscal year already assessed with another set can be covered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        /** @default false */
                        dryRun?: boolean;
                        fileName: string;
                    };
                };
            };
            responses: {
                /** @description Checked only (dry run) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYears: number[];
                            id: string;
                            oitItems: number;
                            /** @enum {boolean} */
                            ok: true;
                            questions: number;
                            saved: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYears: number[];
                            id: string;
                            oitItems: number;
                            /** @enum {boolean} */
                            ok: true;
                            questions: number;
                            saved: boolean;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                messageTh: string;
                                problems?: ({
                                    message: string;
                                    path: string;
                                    source: string;
                                    th: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A question set: tools, indicators, questions, items, OIT items, levels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyKinds: string[];
                            analysisThreshold: number;
                            fiscalYears: number[];
                            id: string;
                            levels: {
                                allToolsMin?: number;
                                id: string;
                                min: number;
                                name: {
                                    en?: string | null;
                                    th: string;
                                };
                            }[];
                            name: {
                                en?: string | null;
                                th: string;
                            };
                            notice: {
                                en: string;
                                th: string;
                            } | null;
                            provenance: {
                                confirmedAt: string | null;
                                confirmedBy: string | null;
                                notes?: string[];
                                provisional: boolean;
                                sources: {
                                    citation: string;
                                    gave: string;
                                    id: string;
                                    kind: string;
                                }[];
                                unknowns: string[];
                            };
                            provisional: boolean;
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[];
                            tools: {
                                code: string;
                                indicators: {
                                    name: {
                                        en?: string | null;
                                        th: string;
                                    };
                                    number: number;
                                    units: ({
                                        code: string;
                                        items: {
                                            no: number;
                                            /** @enum {string} */
                                            polarity: "positive" | "negative";
                                            scale: string;
                                            text: string;
                                        }[];
                                        /** @enum {string} */
                                        kind: "question";
                                        source: string | null;
                                        text: string;
                                    } | {
                                        code: string;
                                        items: unknown[];
                                        /** @enum {string} */
                                        kind: "oit";
                                        source: string | null;
                                        subIndicator: string | null;
                                        text: string | null;
                                    })[];
                                }[];
                                name: {
                                    en?: string | null;
                                    th: string;
                                };
                                weight: number;
                            }[];
                            unknowns: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A new set's data to edit, started from this one (central admins): the same content under `newId`, provisional, naming the set it came from; nothing is saved until it is published through POST /api/frameworks */
        get: {
            parameters: {
                query: {
                    newId: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            $schema?: string;
                            agencyKinds?: string[];
                            /** @default 85 */
                            analysisThreshold: number;
                            fiscalYears: number[];
                            id: string;
                            indicators: {
                                aggregation?: {
                                    /** @enum {string} */
                                    method: "question-mean";
                                } | {
                                    /** @enum {string} */
                                    method: "sub-indicator-weights";
                                    note?: string;
                                    /** @enum {string} */
                                    status: "published" | "inferred";
                                    weights: {
                                        [key: string]: number;
                                    };
                                };
                                description?: {
                                    en?: string | null;
                                    th: string;
                                };
                                name: {
                                    en?: string | null;
                                    th: string;
                                };
                                number: number;
                                source?: string;
                                subIndicators?: {
                                    code: string;
                                    groups?: {
                                        code: string;
                                        name: {
                                            en?: string | null;
                                            th: string;
                                        };
                                    }[];
                                    name: {
                                        en?: string | null;
                                        th: string;
                                    };
                                }[];
                                tool: string;
                            }[];
                            levels: {
                                basis?: string;
                                id: string;
                                levels: {
                                    allToolsMin?: number;
                                    id: string;
                                    min: number;
                                    name: {
                                        en?: string | null;
                                        th: string;
                                    };
                                }[];
                                name: {
                                    en?: string | null;
                                    th: string;
                                };
                            };
                            name: {
                                en?: string | null;
                                th: string;
                            };
                            oitItems: {
                                code: string;
                                disclosure?: {
                                    en?: string | null;
                                    th: string;
                                };
                                group?: string;
                                indicator: number;
                                /** @enum {string} */
                                indicatorStatus?: "published" | "inferred";
                                name: {
                                    en?: string | null;
                                    th: string;
                                } | null;
                                nameVariants?: string[];
                                previousCodes?: string[];
                                /** @enum {string} */
                                scoring: "binary" | "partial";
                                source?: string;
                                subIndicator?: string;
                            }[];
                            provenance?: string[] | {
                                confirmedAt: string | null;
                                confirmedBy: string | null;
                                notes?: string[];
                                provisional: boolean;
                                sources: {
                                    citation: string;
                                    gave: string;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "seed" | "fixture" | "publication" | "transcription" | "inference";
                                }[];
                                unknowns: string[];
                            };
                            questions: {
                                code: string;
                                indicator: number;
                                items: {
                                    no: number;
                                    /** @enum {string} */
                                    polarity: "positive" | "negative";
                                    scale: string;
                                    source?: string;
                                    text: {
                                        en?: string | null;
                                        th: string;
                                    };
                                }[] | null;
                                /** @enum {string} */
                                polarity?: "positive" | "negative";
                                /** @enum {string} */
                                polarityStatus?: "published" | "deduced" | "inferred";
                                previousCodes?: string[];
                                source?: string;
                                text: {
                                    en?: string | null;
                                    th: string;
                                };
                                /** @enum {string} */
                                textStatus?: "full" | "short-label";
                                topics?: {
                                    en?: string | null;
                                    th: string;
                                }[];
                            }[];
                            scales: {
                                [key: string]: {
                                    answers: number[];
                                    options: {
                                        en?: string | null;
                                        th: string;
                                    }[];
                                    scores: number[];
                                };
                            };
                            tools: {
                                aggregation?: {
                                    /** @enum {string} */
                                    method: "question-mean";
                                    note?: string;
                                    /** @enum {string} */
                                    status?: "published" | "inferred";
                                } | {
                                    /** @enum {string} */
                                    method: "indicator-weights";
                                    note?: string;
                                    /** @enum {string} */
                                    status: "published" | "inferred";
                                    weights: {
                                        [key: string]: number;
                                    };
                                };
                                code: string;
                                /** @enum {string} */
                                kind: "survey" | "disclosure";
                                name: {
                                    en?: string | null;
                                    th: string;
                                };
                                source?: string;
                                weight: number;
                                /** @enum {string} */
                                weightStatus?: "published" | "inferred";
                            }[];
                            unknowns?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{id}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How ready a set is for scoring, results import, the OIT workspace, surveys, documents and the memo: each ready, or exactly what is missing (Thai and English) and who can fix it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                            /** @enum {string} */
                            fixedBy: "central-admin";
                            missing: {
                                en: string;
                                part: string;
                                th: string;
                            }[];
                            ready: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{id}/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An XLSX template to fill with results and import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The template workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{id}/workbook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A framework as a workbook (a sheet per part, headed in Thai, no JSON in any cell), to prepare a new year's set from it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The framework as a workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks a set being edited (central admins): every problem, in Thai and English, and each feature's readiness; nothing is saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            idTaken: boolean;
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/draft-from-manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A draft set from the pasted text of NACC's ITA manual (central admins): IIT/EIT questions with items and answer options and OIT items replace the base set's, whose weights and levels stay; answers the draft, its readiness (or its problems) and every line that could not be placed, by line number, in Thai and English. Nothing is saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseId: string;
                        newId?: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                oitItems: number;
                                questions: number;
                            };
                            /** @description A framework document as written (it may have problems) */
                            draft: unknown;
                            ignored: {
                                line: number;
                                reason: {
                                    en: string;
                                    th: string;
                                };
                                text: string;
                            }[];
                            problems: {
                                message: string;
                                path: string;
                                source: string;
                                th: string;
                            }[];
                            readiness: {
                                /** @enum {string} */
                                feature: "scoring" | "results-import" | "oit" | "surveys" | "documents" | "memo";
                                /** @enum {string} */
                                fixedBy: "central-admin";
                                missing: {
                                    en: string;
                                    part: string;
                                    th: string;
                                }[];
                                ready: boolean;
                            }[] | null;
                            unplaced: {
                                line: number;
                                reason: {
                                    en: string;
                                    th: string;
                                };
                                text: string;
                            }[];
                            warnings: {
                                line: number;
                                reason: {
                                    en: string;
                                    th: string;
                                };
                                text: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            database: "sqlite" | "postgres";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document job: status, progress (0–100), download URL when done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                messageTh: string;
                            } | null;
                            fileName: string;
                            id: string;
                            progress: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The finished document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The finished document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search reusable issues and measures (Thai word segmentation) */
        get: {
            parameters: {
                query?: {
                    indicator?: number;
                    limit?: number;
                    q?: string;
                    question?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            questionCode: string | null;
                            rank: number;
                            source: string | null;
                            status: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Save an issue and its measures to the agency's library */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicatorNumber?: number | null;
                        issue: string;
                        measures: string[];
                        questionCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            questionCode: string | null;
                            source: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/library/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share an offered entry with all agencies (central admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            questionCode: string | null;
                            source: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/library/{id}/offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offer an own library entry to all agencies (a central admin approves) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            id: number;
                            indicatorNumber: number | null;
                            issue: string;
                            measures: string[];
                            questionCode: string | null;
                            source: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their abilities and CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: {
                                [key: string]: boolean;
                            };
                            agency: {
                                code: string;
                                id: number;
                                nameEn: string;
                                nameTh: string;
                                slug: string;
                            } | null;
                            csrfToken: string;
                            user: {
                                agencyId: number | null;
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                divisionId: number | null;
                                email: string;
                                id: number;
                                locked: boolean;
                                /** @enum {string} */
                                role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person's notices: tasks due soon or overdue, by day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            dueOn: string | null;
                            href: string;
                            id: number;
                            kind: string;
                            late: boolean;
                            read: boolean;
                            title: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notices/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notice read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notices/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive the emails of a kind again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oit-evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a document or link of an item still being prepared */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oit-evidence/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An OIT document, for those who may read its item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document, as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oit/link-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** City-wide: a page of the agencies' latest link check of a year, links checked and passing, with the sums over all of them (central admins); `failing=true` keeps those with a failing link */
        get: {
            parameters: {
                query: {
                    failing?: "true" | "false";
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "code" | "name" | "total" | "passed" | "failed" | "finishedAt";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencies: number;
                            checked: number;
                            failing: number;
                            passed: number;
                            rows: {
                                agency: {
                                    nameTh?: string;
                                    slug?: string;
                                };
                                checked: number;
                                createdAt: string;
                                error: {
                                    message: string;
                                    messageTh: string;
                                } | null;
                                finishedAt: string | null;
                                fiscalYear: number;
                                id: string;
                                passed: number;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                                total: number;
                                trigger: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oit/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** City-wide: a page of the agencies' OIT readiness and predicted score of a year, with the sums over all of them (central admins); `state` keeps agencies with every item ready, items at risk, or items missing */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "code" | "name" | "ready" | "atRisk" | "missing" | "oit" | "ita" | "dueDate";
                    state?: "ready" | "at-risk" | "missing";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencies: number;
                            allReady: number;
                            counts: {
                                "at-risk": number;
                                missing: number;
                                ready: number;
                            };
                            oit: {
                                high: number;
                                low: number;
                            } | null;
                            pending: number;
                            rows: {
                                agency: {
                                    code: string;
                                    nameTh: string;
                                    slug: string;
                                };
                                basis: string | null;
                                counts: {
                                    "at-risk": number;
                                    missing: number;
                                    ready: number;
                                };
                                dueDate: string;
                                ita: {
                                    high: number;
                                    low: number;
                                } | null;
                                level: {
                                    high: string | null;
                                    low: string | null;
                                };
                                oit: {
                                    high: number;
                                    low: number;
                                };
                            }[];
                            total: number;
                            withMissing: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oit/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fiscal years any agency has an OIT checklist of, newest first (central admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": number[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/open-data/{agency}/{year}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open data, no sign-in: what the agency published of its results, analysis, measures or an approved progress round, as CSV (UTF-8) or JSON */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agency: string;
                    file: "results.csv" | "results.json" | "analysis.csv" | "analysis.json" | "measures.csv" | "measures.json" | "progress-6.csv" | "progress-6.json" | "progress-12.csv" | "progress-12.json";
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The published file: JSON (`.json`) or CSV (`.csv`), by its name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: string[];
                            publishedAt: string;
                            rows: {
                                [key: string]: (string | number) | null;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a publication down: the public no longer sees it; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiscalYear: number;
                            id: number;
                            /** @enum {string} */
                            kind: "results" | "plan" | "round" | "oit";
                            live: boolean;
                            publishedAt: string;
                            publishedBy: number | null;
                            round: number | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/results/city": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the agencies of a fiscal year side by side, ranked by ITA, with the group figures (central users); ?format=csv or xlsx downloads every row */
        get: {
            parameters: {
                query: {
                    format?: "json" | "csv" | "xlsx";
                    /** @description A level's id, or `none` for results without one */
                    level?: string;
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "rank" | "code" | "name" | "ita" | "level" | "iit" | "eit" | "oit";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the table as JSON, or the whole table as a CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencies: number;
                            framework: string | null;
                            generated: number;
                            levels: {
                                count: number;
                                levelId: string | null;
                            }[];
                            mean: number | null;
                            rows: {
                                agency: {
                                    code: string;
                                    id: number;
                                    nameEn: string;
                                    nameTh: string;
                                    slug: string;
                                };
                                eit: number | null;
                                framework: string;
                                iit: number | null;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                level: string | null;
                                levelId: string | null;
                                oit: number | null;
                                rank: number;
                                source: string;
                            }[];
                            total: number;
                        };
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/results/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of agencies with their ITA by fiscal year, and the mean of each year over every agency (central users) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "code" | "name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                agency: {
                                    code: string;
                                    id: number;
                                    nameEn: string;
                                    nameTh: string;
                                    slug: string;
                                };
                                years: {
                                    fiscalYear: number;
                                    ita: number | null;
                                    levelId: string | null;
                                }[];
                            }[];
                            total: number;
                            years: {
                                agencies: number;
                                fiscalYear: number;
                                mean: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/results/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fiscal years with results of the agencies the user may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": number[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{code}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A respondent's complete answers (no sign-in): the same submission id again is answered as the first; nothing identifying is kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers: {
                            [key: string]: unknown;
                        };
                        clientId: string;
                        code?: string;
                        division?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "received";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the round before its last day (the secretariat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            can: {
                                manage: boolean;
                            };
                            closedAt: string | null;
                            closesOn: string;
                            code: string;
                            fiscalYear: number;
                            framework: string;
                            id: number;
                            link: string;
                            open: boolean;
                            opensOn: string;
                            /** @enum {string} */
                            tool: "IIT" | "EIT";
                            useCodes: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Single-use respondent codes for a division's slips (IIT); shown once, only their hashes are kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                        divisionId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complete responses per division against its quota, and the shortfalls */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            divisions: {
                                divisionId: number;
                                headcount: number;
                                nameTh: string;
                                required: number;
                                responses: number | null;
                                short: number | null;
                            }[];
                            minimumGroup: number;
                            shortfalls: {
                                divisionId: number;
                                headcount: number;
                                nameTh: string;
                                required: number;
                                responses: number | null;
                                short: number | null;
                            }[];
                            total: number | null;
                            unassigned: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The QR code of a round's link, for a division when `d` names one */
        get: {
            parameters: {
                query?: {
                    d?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The QR code as an SVG image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Eligible headcount and required sample per division: given as civil servants and employees, the IIT sample follows the BMA rule (every civil servant, all or 80% of employees); else everyone eligible unless a sample is given */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        civilServants?: number;
                        divisionId: number;
                        employees?: number;
                        headcount?: number;
                        required?: number;
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            divisions: {
                                divisionId: number;
                                headcount: number;
                                nameTh: string;
                                required: number;
                                responses: number | null;
                                short: number | null;
                            }[];
                            minimumGroup: number;
                            shortfalls: {
                                divisionId: number;
                                headcount: number;
                                nameTh: string;
                                required: number;
                                responses: number | null;
                                short: number | null;
                            }[];
                            total: number | null;
                            unassigned: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round scored by the same engine (source self-assessment), its weak points, and divisions of at least 5 respondents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            divisions: {
                                nameTh: string;
                                responses: number | null;
                            }[];
                            minimumGroup: number;
                            official: {
                                lastYear: {
                                    fiscalYear: number;
                                    score: number;
                                } | null;
                                thisYear: {
                                    fiscalYear: number;
                                    score: number;
                                } | null;
                            };
                            respondents: number | null;
                            result: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            } | null;
                            round: {
                                closedAt: string | null;
                                closesOn: string;
                                code: string;
                                fiscalYear: number;
                                framework: string;
                                id: number;
                                link: string;
                                open: boolean;
                                opensOn: string;
                                /** @enum {string} */
                                tool: "IIT" | "EIT";
                                useCodes: boolean;
                            };
                            /** @enum {string} */
                            source: "self-assessment";
                            weak: {
                                code: string;
                                indicator: number;
                                /** @enum {string} */
                                kind: "question" | "oit";
                                /** @enum {string} */
                                reason: "question" | "item";
                                score: number;
                                tool: string;
                                weakItems: {
                                    key: string;
                                    no: number;
                                    score: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count each division's eligible staff (a full year of service before 1 January) from a roster, CSV or XLSX with columns ฝ่าย/division and วันที่เริ่มปฏิบัติงาน/start_date; the roster is not kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        fileName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                [key: string]: number;
                            };
                            eligible: number;
                            notYet: number;
                            problems: {
                                message: string;
                                row: number;
                                th: string;
                            }[];
                            progress: {
                                divisions: {
                                    divisionId: number;
                                    headcount: number;
                                    nameTh: string;
                                    required: number;
                                    responses: number | null;
                                    short: number | null;
                                }[];
                                minimumGroup: number;
                                shortfalls: {
                                    divisionId: number;
                                    headcount: number;
                                    nameTh: string;
                                    required: number;
                                    responses: number | null;
                                    short: number | null;
                                }[];
                                total: number | null;
                                unassigned: number | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable A4 sheet of QR codes: one for the round (IIT), or one per division for its service counter (EIT) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A printable HTML page of QR codes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The round scored again with some questions or items at new scores, as the official results' what-if */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changes: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            after: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            };
                            before: {
                                framework: string;
                                indicators: {
                                    [key: string]: number;
                                };
                                ita: number | null;
                                items: {
                                    [key: string]: number;
                                };
                                level: string | null;
                                levelId: string | null;
                                questions: {
                                    [key: string]: number;
                                };
                                respondents: {
                                    [key: string]: number;
                                };
                                subIndicators: {
                                    [key: string]: number;
                                };
                                tools: {
                                    [key: string]: number;
                                };
                                warnings: {
                                    code: string;
                                    message: string;
                                    messageTh: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                    source?: {
                                        file?: string;
                                        row?: number;
                                    };
                                    subject: string;
                                }[];
                                weighted: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/city": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** City-wide: a page of the agencies' latest round of a year and tool against its quotas, the groups still short, and the group's figures (central admins) */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    offset?: number;
                    order?: "asc" | "desc";
                    q?: string;
                    sort?: "code" | "name" | "opensOn" | "closesOn";
                    state?: "open" | "upcoming" | "closed";
                    tool: "IIT" | "EIT";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencies: number;
                            closed: number;
                            open: number;
                            required: number;
                            rows: {
                                agency: {
                                    code: string;
                                    kind: string;
                                    nameTh: string;
                                    slug: string;
                                };
                                agencyId: number;
                                groupsShort: number;
                                quotaGroups: number;
                                required: number;
                                responses: number | null;
                                round: {
                                    closedAt: string | null;
                                    closesOn: string;
                                    code: string;
                                    fiscalYear: number;
                                    framework: string;
                                    id: number;
                                    link: string;
                                    open: boolean;
                                    opensOn: string;
                                    /** @enum {string} */
                                    tool: "IIT" | "EIT";
                                    useCodes: boolean;
                                };
                                shortBy: number;
                            }[];
                            total: number;
                            upcoming: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts you manage (all for central admins, your agency for agency admins) */
        get: {
            parameters: {
                query?: {
                    agency?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            divisionId: number | null;
                            email: string;
                            id: number;
                            locked: boolean;
                            overseesAgencyId: number | null;
                            /** @enum {string} */
                            role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an account; a generated password is returned once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        agencyId?: number | null;
                        displayName: string;
                        /** @default null */
                        divisionId?: number | null;
                        /** Format: email */
                        email: string;
                        /** @default null */
                        overseesAgencyId?: number | null;
                        password?: string;
                        /** @enum {string} */
                        role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            password: string;
                            user: {
                                agencyId: number | null;
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                divisionId: number | null;
                                email: string;
                                id: number;
                                locked: boolean;
                                overseesAgencyId: number | null;
                                /** @enum {string} */
                                role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            divisionId: number | null;
                            email: string;
                            id: number;
                            locked: boolean;
                            overseesAgencyId: number | null;
                            /** @enum {string} */
                            role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account’s name, role, agency, division, overseen agency, or disable it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agencyId?: number | null;
                        disabled?: boolean;
                        displayName?: string;
                        divisionId?: number | null;
                        overseesAgencyId?: number | null;
                        /** @enum {string} */
                        role?: "central_admin" | "agency_admin" | "division_editor" | "executive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: number | null;
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            divisionId: number | null;
                            email: string;
                            id: number;
                            locked: boolean;
                            overseesAgencyId: number | null;
                            /** @enum {string} */
                            role: "central_admin" | "agency_admin" | "division_editor" | "executive";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password (generated unless given), unlock the account and end its sessions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            password: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
