"""The seed article: stem-cell therapy for depression (Chinese source text, English translation).

Body values are in StreamField's raw form (rich text as HTML, dates as ISO strings); images are
named by keys and cited records by registry id or DOI, which the loader resolves to stored ones.
"""

import datetime

FIGURE_IMAGE = "depression-schematic"
LEAD_IMAGE = "depression-lead"

# The works and trials the article cites, by DOI and registry id: their facts are the sample
# records of registry/fixtures, which both bodies cite.
JURCZENKO_2025_DOI = "10.3390/ijms26178306"
LI_2024_DOI = "10.3389/fphar.2024.1476558"
TRIAL_IDS = ("NCT03265808", "NCT03522545", "NCT02675556")

ANIMAL_TABLE_OPTIONS = {
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "",
}

ARTICLE = {
    "slug": "stem-cells-depression",
    "date": datetime.date(2025, 8, 29),
    "tags": ["干细胞", "抑郁症", "间充质干细胞", "临床试验"],
    "lead_image": LEAD_IMAGE,
    "title": {
        "zh-hans": "干细胞疗法为治疗抑郁症患者带来新希望:从临床前证据到早期临床试验",
        "en": (
            "Stem-cell therapy brings new hope to patients with depression: "
            "from preclinical evidence to early clinical trials"
        ),
    },
    "summary": {
        "zh-hans": (
            "重度抑郁症 (MDD) 是一种普遍且致残的精神疾病,对于对传统药物和心理治疗干预无效的患者,"
            "治疗选择有限。基于干细胞 (SC) 的疗法已成为一种颇具前景的实验方法,"
            "其作用机制涵盖神经发生、"
            "免疫调节、抗氧化保护和神经调控等多个方面。"
        ),
        "en": (
            "Major depressive disorder (MDD) is a common and disabling psychiatric illness, and "
            "patients who do not respond to conventional drug treatment and psychotherapy have "
            "few options left. Stem-cell (SC)-based therapies have emerged as a promising "
            "experimental approach whose mechanisms of action span neurogenesis, "
            "immunomodulation, antioxidant protection and neuromodulation."
        ),
    },
    "body": {
        "zh-hans": [
            (
                "paragraph",
                (
                    "<p>在此背景下,2025年8月27号,国际分子科学杂志发表了一篇题为“干细胞在抑郁症中的"
                    "治疗潜力”"
                    "的研究文章[1]。</p>"
                ),
            ),
            (
                "study_record",
                {
                    "publication": JURCZENKO_2025_DOI,
                    "population": "临床前研究与早期临床试验",
                    "intervention": (
                        "间充质干细胞 (MSC)、神经干细胞 (NSC) 和诱导性多能干细胞 (iPSC)"
                    ),
                    "key_findings": (
                        "<p>本综述综合了目前临床前研究和早期临床试验中关于间充质干细胞 (MSC)、"
                        "神经干细胞 (NSC) 和诱导性多能干细胞 (iPSC) "
                        "在缓解抑郁样行为方面的有效性的证据,"
                        "并指出干细胞治疗抑郁症的主要机制包括增强海马神经发生、"
                        "调节脑源性神经营养因子 "
                        "(BDNF)-TrkB通路、通过小胶质细胞极化减轻神经炎症以及通过外周至中枢通路"
                        "(例如迷走神经)恢复血清素信号传导</p>"
                    ),
                },
            ),
            ("heading", {"text": "重度抑郁症(MDD):定义和病理生理学"}),
            (
                "paragraph",
                (
                    "<p>重度抑郁障碍(MDD)是一种全球常见的精神疾病,影响约3.8%的人口,"
                    "在老年群体中患病率更高"
                    "(5.7%),且女性风险显著高于男性。MDD已被列为全球致残的主要因素之一,"
                    "并预计在2030年"
                    "成为第二大疾病负担。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>其核心症状包括持续情绪低落、兴趣丧失、睡眠与认知功能损害,"
                    "严重时可能导致自杀,"
                    "并增加心血管疾病、中风等慢性病风险。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>临床表现与诊断挑战:</b>MDD患者常以非特异性躯体症状(如头痛、胃肠不适)"
                    "为首发表现,"
                    "近半数患者不直接主诉情绪问题,而是因功能下降或社交退缩被转诊。"
                    "临床诊断依赖标准化工具,"
                    "如患者健康问卷-9(PHQ-9,得分≥10提示抑郁)、汉密尔顿抑郁量表(HAM-D)等。"
                    "由于自杀风险高,每次临床接触均需评估自杀意念。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>发病机制的多因素性:</b>MDD的病因涉及生物、遗传、"
                    "心理及社会环境多重因素的交互作用。"
                    "早期单胺类神经递质假说(如血清素、多巴胺系统失调)"
                    "已被扩展为更广泛的神经环路功能障碍理论。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>研究发现GABA系统异常、NMDA受体拮抗剂的抗抑郁潜力,以及激素失衡(如甲状腺激素)"
                    "的作用。"
                    "童年创伤、心理应激和遗传易感性(双胞胎研究支持)也被确认为重要风险因素。"
                    "神经影像学显示患者前额叶皮层、海马等脑区体积萎缩,提示神经元结构与功能损伤。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>治疗现状与局限性:</b>一线治疗包括抗抑郁药物、心理治疗或联合方案,"
                    "但约10–30%患者难以达到缓解。现有药物存在体重增加、性功能障碍等副作用,"
                    "导致依从性降低。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>综上所述,MDD是一种高复发率、易慢性化的疾病,约三分之二患者出现自杀意念,"
                    "10–15%最终死于自杀。当前治疗策略虽多样,但仍需开发新手段。"
                    "干细胞治疗等新兴疗法展现出潜力,"
                    "其通过促进神经发生、抑制神经炎症及修复神经环路,可能为难治性患者提供新途径。"
                    "</p>"
                ),
            ),
            ("heading", {"text": "干细胞治疗抑郁症的作用机制"}),
            ("paragraph", "<p>干细胞(SC)治疗通过多种相互关联的机制发挥抗抑郁作用。</p>"),
            (
                "list",
                {
                    "ordered": True,
                    "items": [
                        (
                            "<p><b>促进神经发生:</b>最为一致的发现之一是其能够增强海马区神经发生。"
                            "在抑郁症中,海马齿状回神经前体细胞的增殖与分化常受损,"
                            "而干细胞疗法能够促进这一过程。"
                            "此外,研究显示间充质干细胞(MSCs) 可在应激状态下增强背缝核(DRN) "
                            "的5-羟色胺(5-HT)"
                            "活性。通过调节BDNF–TrkB通路,MSCs可恢复5-HT合成并发挥抗抑郁作用。同时,"
                            "MSC衍生的外泌体还能促进β-内啡肽、多巴胺和5-HT的生成,"
                            "可能依赖迷走神经–脑轴介导。</p>"
                        ),
                        (
                            "<p><b>抗炎与抗氧化作用:</b>另一重要机制是抗炎与抗氧化。"
                            "MSC治疗能够降低氧化应激"
                            "(重度抑郁障碍的重要特征),通过生成硫化氢(H₂S)上调Sirt1并调控炎症因子,"
                            "从而减轻病理状态。同时,MSCs可诱导小胶质细胞从促炎性M1型向抗炎性M2型转"
                            "化,"
                            "重新平衡免疫信号,并促进T细胞扩增,抑制效应T细胞活性。</p>"
                        ),
                        (
                            "<p><b>非细胞自主机制:</b>除了细胞本身作用外,"
                            "非细胞自主机制也发挥关键作用。"
                            "经过工程改造的MSCs可分泌BDNF、VEGF、FGF2、CNTF等神经营养因子,"
                            "当植入脑室时,"
                            "不仅改善行为学表现,还促进神经发生。类似地,MSC衍生的外泌体(如携带miR-26"
                            "a的外泌体)"
                            "能增强神经元存活与增殖,显示其作为无细胞治疗平台的潜力。</p>"
                        ),
                        (
                            "<p><b>调节下丘脑–垂体–肾上腺(HPA)轴:</b>HPA轴功能紊乱在MDD中十分常见,"
                            "因此成为研究热点。目前的前临床研究表明,干细胞移植尚未显著改变促肾上腺"
                            "皮质激素释放激素"
                            "(CRH) 或多巴胺能神经元活性。然而,干细胞是否能够影响HPA相关基因(如FKBP5"
                            "1和BDNF)"
                            "的表达,仍是未来研究亟待探索的问题。</p>"
                        ),
                    ],
                },
            ),
            ("heading", {"text": "干细胞治疗抑郁症的基础研究试验"}),
            (
                "paragraph",
                (
                    "<p>临床前研究表明,基于干细胞的疗法,尤其是涉及间充质干细胞 (MSC) 的疗法,"
                    "在治疗抑郁症方面拥有巨大的潜力。使用各种抑郁症动物模型"
                    "(包括慢性应激模型和像Wistar-Kyoto大鼠这样的难治性品系)进行的研究表明,"
                    "MSC以及细胞包被和细胞外囊泡 (EV) "
                    "等相关方法可以显著减少抑郁样行为。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Kin等人进行的一项引人注目的研究表明,将微囊化MSC (eMSC) "
                    "植入Wistar-Kyoto大鼠的侧脑室后,"
                    "不仅能减轻抑郁样行为,还能促进脑室下区和海马齿状回的内源性神经发生。"
                    "这些效应归因于神经营养因子的持续分泌和相关信号通路的激活。相比之下,"
                    "植入神经源性微环境外的非微囊化MSC或eMSC则未能产生类似的益处,"
                    "这凸显了递送方式和解剖靶向性的重要性。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>此外,Costa-Ferro等人在大鼠身上进行了一项研究,结果表明骨髓单核细胞移植"
                    "可预防慢性轻度应激诱发的抑郁和焦虑样行为。该治疗抑制了海马体中促炎标志物HMGB1"
                    "和IL-1β"
                    "的上调,同时增强了同一区域抗炎因子BDNF的表达。</p>"
                ),
            ),
            ("paragraph", "<p>图1展示了该实验过程的示意图。表1展示在动物研究的的主要发现。</p>"),
            (
                "figure",
                {
                    "image": FIGURE_IMAGE,
                    "alt_text": (
                        "示意图:箭头由MSC和NSC细胞指向VEGF、FGF-2、CNTF和BDNF(均标示为升高),"
                        "再指向标注MDD的神经元(标示为减轻)。"
                    ),
                    "caption": (
                        "示意图显示了MSCs和NSC如何通过上调VEGF、FGF-2、CNTF和 BDNF信号"
                        "(通常在抑郁症中会降低)来缓解动物模型中的抑郁症状。"
                    ),
                    "credit": "本站根据参考文献[1]的描述绘制",
                },
            ),
            (
                "table",
                {
                    "caption": "来自动物研究的主要发现",
                    "table": {
                        **ANIMAL_TABLE_OPTIONS,
                        "data": [
                            ["研究", "动物模型", "干预措施", "主要发现"],
                            [
                                "Kin等人",
                                "Wistar-Kyoto大鼠(难治性品系)",
                                "侧脑室植入微囊化MSC(eMSC)",
                                (
                                    "抑郁样行为减轻;脑室下区和海马齿状回内源性神经发生增加;"
                                    "非微囊化MSC或植入神经源性微环境外的eMSC未产生类似益处"
                                ),
                            ],
                            [
                                "Costa-Ferro等人",
                                "慢性轻度应激大鼠",
                                "骨髓单核细胞移植",
                                "预防抑郁和焦虑样行为;抑制海马HMGB1和IL-1β上调;海马BDNF表达增强",
                            ],
                        ],
                    },
                    "source": "参考文献[1]",
                },
            ),
            ("heading", {"text": "干细胞治疗抑郁症的临床试验研究"}),
            (
                "paragraph",
                (
                    "<p>2016年,Smulevich等人进行了一项值得注意的研究,"
                    "他们研究了脐带血细胞对难治性抑郁症女性的"
                    "治疗潜力。参与者每周注射2.5亿个浓缩脐带血细胞,每四周一次。"
                    "对照组接受安慰剂注射。"
                    "虽然两组的抑郁症状和低情境化症状均有所减轻,但治疗组在难治性和抑郁严重程度方面"
                    "显示出延迟"
                    "但更明显的改善。此外,在干细胞治疗组中还观察到长期认知改善</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>这些发现表明脐带血细胞可能有助于克服抑郁症的难治性。然而,"
                    "还需要进一步的临床前研究来阐明"
                    "治疗效果是否取决于神经植入、干细胞分化阶段或与同时进行的抗抑郁治疗的相互作用。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>进一步支持这一方向的是,2024年11月25日,"
                    "吉林大学中日联谊医院科研中心在《药理学前沿》"
                    "杂志发表了一篇题为“干细胞在重度抑郁症中的治疗潜力和机制:综合综述”的研究综述。"
                    "</p>"
                ),
            ),
            (
                "study_record",
                {
                    "publication": LI_2024_DOI,
                    "intervention": "干细胞(SC)移植",
                    "key_findings": (
                        "<p>该研究综述表明:干细胞(SCs)因其抗炎作用和神经营养特性,"
                        "被认为是一种极具潜力的抗抑郁治疗策略。</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>首先,干细胞能够促进5-羟色胺(5-HT)和多巴胺的合成与分泌,从而增强大脑兴奋性,"
                    "改善抑郁症状。与此同时,干细胞还能通过改善线粒体功能障碍,"
                    "防止受损线粒体释放过量自由基和氧化产物,减轻氧化应激及其引发的炎症反应。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>炎症调控方面,干细胞不仅能够降低IL-6、IL-1、TNF-α等促炎因子的表达水平,"
                    "还可以上调抗炎因子,从而有效改善抑郁相关的脑内炎症。同时,干细胞具有 "
                    "免疫调节功能,"
                    "可诱导小胶质细胞由促炎型向抗炎型转化,进一步抑制炎症反应,发挥神经保护作用。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>此外,干细胞还能通过旁分泌和营养支持促进神经再生,释放神经营养因子,"
                    "帮助神经元存活、"
                    "促进生长与分化,并修复受损的神经组织。它们还可能通过调节其他免疫细胞的激活、"
                    "增殖和分化,"
                    "间接改善抑郁症状。</p>"
                ),
            ),
            (
                "paragraph",
                "<p>值得注意的是,干细胞及其来源的外泌体已在全球范围内的临床试验中展现出前景。</p>",
            ),
            (
                "paragraph",
                (
                    "<p>截至目前,ClinicalTrials.gov上已注册了两项研究使用干细胞或干细胞衍生产品治疗"
                    "抑郁症的"
                    "活跃临床试验,其中一项因缺乏资金而终止:</p>"
                ),
            ),
            (
                "trial_record",
                {
                    "trial": "NCT03265808",
                    "note": (
                        "<p>一项I/II期随机、双盲、安慰剂对照试验,评估同种异体人类间充质干细胞(MSC)"
                        "输注"
                        "对80名合并酒精使用障碍和重度抑郁症患者(AUD-MD)的安全性。</p>"
                    ),
                },
            ),
            (
                "trial_record",
                {
                    "trial": "NCT03522545",
                    "note": (
                        "<p>一项双盲、安慰剂对照试验,旨在评估同种异体骨髓来源的多能间充质基质细胞"
                        "对难治性双相抑郁症 (TRBD) 患者的疗效和耐受性。该研究正在进行中,"
                        "目前处于招募阶段,"
                        "计划招募30名参与者。</p>"
                    ),
                },
            ),
            (
                "trial_record",
                {
                    "trial": "NCT02675556",
                    "note": (
                        "<p>一项评估同种异体MSC输注治疗难治性抑郁症患者的安全性和潜在有效性的研究。"
                        "该试验于2019年因资金不足终止。</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>尽管这些早期试验反映出,基于干细胞的抑郁症疗法在临床上的应用程度尚浅,"
                    "但临床前研究的稳健一致结果凸显了持续研究的必要性。"
                    "进一步的临床研究对于验证疗效、"
                    "确定最佳治疗方案并确保长期安全性至关重要。</p>"
                ),
            ),
            ("heading", {"text": "干细胞治疗抑郁症的给药策略:鼻腔内给药"}),
            (
                "paragraph",
                (
                    "<p>中枢神经系统(CNS)干细胞治疗的主要限制之一是血脑屏障(BBB)的存在,"
                    "它显著阻碍了治疗因子的通过。"
                    "虽然立体定向注射和鞘内注射常被用于将干细胞输送至CNS,"
                    "但其侵入性限制了更广泛的临床应用。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>近年来,鼻腔内给药(INA)作为一种非侵入性且高效的中枢药物和干细胞递送方式,"
                    "逐渐受到关注。"
                    "该方法能够绕过BBB,通过嗅觉和三叉神经通路或脑脊液系统直接进入大脑。"
                    "与静脉或颅内给药相比,INA具有多方面优势:</p>"
                ),
            ),
            (
                "list",
                {
                    "ordered": False,
                    "items": [
                        "<p>避免首过代谢;</p>",
                        "<p>可重复给药;</p>",
                        "<p>减少对外周器官的暴露;</p>",
                        "<p>操作更为简便。</p>",
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>研究已证实,在胶质瘤、神经退行性疾病、脑损伤和慢性炎症的模型中,"
                    "INA可成功递送神经干细胞(NSCs)、间充质干细胞(MSCs)和诱导多能干细胞(iPSCs)。"
                    "其作用机制包括:药物或细胞在鼻腔上皮聚集后,通过旁细胞途径和细胞内转运进入CNS。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>鉴于其疗效与安全性优势,INA被认为是未来干细胞通过非侵入性治疗抑郁症"
                    "及其他神经系统疾病的一种有前景的策略。</p>"
                ),
            ),
            ("heading", {"text": "结论"}),
            (
                "paragraph",
                (
                    "<p>干细胞疗法,特别是基于间充质干细胞(MSC)及其衍生物的策略,"
                    "为治疗重度抑郁障碍(MDD)"
                    "提供了具有强大生物学依据的新方向。其吸引力在于能够综合应对MDD的多因素病理机制,"
                    "包括促进神经发生、调节炎症与氧化应激,从而有望解决现有疗法无效的难题。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>未来方向:</b>未来的发展将依赖于干细胞工程与生物技术的创新。"
                    "研究方向包括开发能高效归巢至受损脑区、耐受炎症微环境或携带特定治疗基因的工程化"
                    "干细胞,"
                    "以增强治疗效果。同时,基于外泌体等衍生物的无创疗法作为一种侵入性更低的替代方案,"
                    "因其能靶向递送活性分子并通过血脑屏障而前景广阔。细胞重编程与递送技术的进步,"
                    "将共同推动更有效、个性化的治疗策略诞生。</p>"
                ),
            ),
            (
                "quote",
                {
                    "style": "callout",
                    "attribution": "",
                    "text": (
                        "<p>综上所述,干细胞疗法代表了一种令人信服的创新抑郁症治疗方法。然而,"
                        "该领域仍处于起步阶段,需要进一步开展严谨的研究来证实疗效、"
                        "阐明作用机制并确保在不同患者群体中的安全性。</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>随着基于干细胞治疗抑郁症的策略逐渐接近临床应用,同时其伦理监督、"
                    "成本效益和监管协调也将至关重要。</p>"
                ),
            ),
            ("reference_list", {"references": [JURCZENKO_2025_DOI]}),
        ],
        "en": [
            (
                "paragraph",
                (
                    "<p>Against this background, on 27 August 2025 the <i>International Journal of "
                    "Molecular Sciences</i> published a research article entitled “The Therapeutic "
                    "Potential of Stem Cells in Depression” [1].</p>"
                ),
            ),
            (
                "study_record",
                {
                    "publication": JURCZENKO_2025_DOI,
                    "population": "Preclinical studies and early-phase clinical trials",
                    "intervention": (
                        "Mesenchymal stem cells (MSCs), neural stem cells (NSCs) and induced "
                        "pluripotent stem cells (iPSCs)"
                    ),
                    "key_findings": (
                        "<p>The review brings together current evidence from preclinical studies "
                        "and early clinical trials on how effectively mesenchymal stem cells "
                        "(MSCs), neural stem cells (NSCs) and induced pluripotent stem cells "
                        "(iPSCs) relieve depressive-like behaviour. It identifies the main "
                        "mechanisms of stem-cell therapy for depression as enhanced hippocampal "
                        "neurogenesis, modulation of the brain-derived neurotrophic factor "
                        "(BDNF)–TrkB pathway, attenuation of neuroinflammation through microglial "
                        "polarisation, and restoration of serotonergic signalling via "
                        "peripheral-to-central pathways such as the vagus nerve.</p>"
                    ),
                },
            ),
            (
                "heading",
                {"text": "Major depressive disorder (MDD): definition and pathophysiology"},
            ),
            (
                "paragraph",
                (
                    "<p>Major depressive disorder (MDD) is a common psychiatric illness worldwide. "
                    "It "
                    "affects about 3.8% of the population, is more prevalent among older adults "
                    "(5.7%), and women are at markedly higher risk than men. MDD is ranked among "
                    "the "
                    "leading causes of disability worldwide and is projected to become the "
                    "second-largest contributor to the global burden of disease by 2030.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Its core symptoms include persistently low mood, loss of interest, and "
                    "impaired sleep and cognitive function. In severe cases it can lead to suicide,"
                    " "
                    "and it raises the risk of chronic illnesses such as cardiovascular disease "
                    "and "
                    "stroke.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>Clinical presentation and diagnostic challenges:</b> patients with MDD "
                    "often first present with non-specific physical symptoms such as headache or "
                    "gastrointestinal discomfort. Nearly half do not report mood problems directly "
                    "but are referred because of declining function or social withdrawal. "
                    "Diagnosis "
                    "relies on standardised instruments such as the Patient Health Questionnaire-9 "
                    "(PHQ-9; a score of ≥10 suggests depression) and the Hamilton Depression "
                    "Rating "
                    "Scale (HAM-D). Because the risk of suicide is high, suicidal ideation must be "
                    "assessed at every clinical contact.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>A multifactorial pathogenesis:</b> the causes of MDD involve "
                    "interacting "
                    "biological, genetic, psychological and socio-environmental factors. The early "
                    "monoamine hypothesis (dysregulation of the serotonin and dopamine systems, "
                    "for "
                    "example) has been broadened into a wider theory of neural-circuit "
                    "dysfunction.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Research has pointed to abnormalities of the GABA system, to the "
                    "antidepressant potential of NMDA receptor antagonists and to the role of "
                    "hormonal imbalances (of thyroid hormones, for example). Childhood trauma, "
                    "psychological stress and genetic susceptibility (supported by twin studies) "
                    "have also been confirmed as important risk factors. Neuroimaging shows "
                    "reduced "
                    "volume of brain regions such as the prefrontal cortex and the hippocampus, "
                    "pointing to structural and functional damage to neurons.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>Current treatment and its limits:</b> first-line treatment consists of "
                    "antidepressants, psychotherapy or a combination of both, yet about 10–30% of "
                    "patients do not achieve remission. Current drugs have side effects such as "
                    "weight gain and sexual dysfunction, which reduce adherence.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In short, MDD is a disease with a high relapse rate that readily becomes "
                    "chronic: about two-thirds of patients experience suicidal ideation and 10–15% "
                    "eventually die by suicide. Although current treatment strategies are varied, "
                    "new approaches are still needed. Emerging therapies such as stem-cell "
                    "treatment "
                    "show promise: by promoting neurogenesis, suppressing neuroinflammation and "
                    "repairing neural circuits, they may offer a new route for patients with "
                    "treatment-resistant disease.</p>"
                ),
            ),
            ("heading", {"text": "How stem-cell therapy acts against depression"}),
            (
                "paragraph",
                (
                    "<p>Stem-cell (SC) therapy exerts its antidepressant effects through several "
                    "interrelated mechanisms.</p>"
                ),
            ),
            (
                "list",
                {
                    "ordered": True,
                    "items": [
                        (
                            "<p><b>Promoting neurogenesis:</b> one of the most consistent findings "
                            "is "
                            "that stem cells enhance neurogenesis in the hippocampus. In "
                            "depression, "
                            "the proliferation and differentiation of neural precursor cells in "
                            "the "
                            "dentate gyrus of the hippocampus are often impaired, and stem-cell "
                            "therapy can promote this process. Studies also show that mesenchymal "
                            "stem cells (MSCs) can enhance serotonin (5-hydroxytryptamine, 5-HT) "
                            "activity in the dorsal raphe nucleus (DRN) under stress. By "
                            "modulating "
                            "the BDNF–TrkB pathway, MSCs can restore 5-HT synthesis and exert an "
                            "antidepressant effect. MSC-derived exosomes can also promote the "
                            "production of β-endorphin, dopamine and 5-HT, possibly through the "
                            "vagus nerve–brain axis.</p>"
                        ),
                        (
                            "<p><b>Anti-inflammatory and antioxidant effects:</b> another "
                            "important "
                            "mechanism is anti-inflammatory and antioxidant activity. MSC "
                            "treatment "
                            "can reduce oxidative stress (a key feature of major depressive "
                            "disorder) and, by producing hydrogen sulphide (H₂S), upregulate Sirt1 "
                            "and regulate inflammatory factors, thereby alleviating the "
                            "pathological "
                            "state. MSCs can also induce microglia to switch from the "
                            "pro-inflammatory M1 phenotype to the anti-inflammatory M2 phenotype, "
                            "rebalancing immune signalling, and can promote T-cell expansion while "
                            "suppressing effector T-cell activity.</p>"
                        ),
                        (
                            "<p><b>Non-cell-autonomous mechanisms:</b> beyond the actions of the "
                            "cells themselves, non-cell-autonomous mechanisms also play a key "
                            "role. "
                            "Engineered MSCs can secrete neurotrophic factors such as BDNF, VEGF, "
                            "FGF2 and CNTF; implanted into the cerebral ventricles, they not only "
                            "improve behavioural performance but also promote neurogenesis. "
                            "Similarly, MSC-derived exosomes (such as exosomes carrying miR-26a) "
                            "can "
                            "enhance neuronal survival and proliferation, showing their potential "
                            "as "
                            "a cell-free therapeutic platform.</p>"
                        ),
                        (
                            "<p><b>Modulating the hypothalamic–pituitary–adrenal (HPA) axis:</b> "
                            "HPA-axis dysfunction is very common in MDD and has therefore become a "
                            "focus of research. Preclinical studies to date indicate that "
                            "stem-cell "
                            "transplantation has not significantly altered corticotropin-releasing "
                            "hormone (CRH) or the activity of dopaminergic neurons. Whether stem "
                            "cells can influence the expression of HPA-related genes (such as "
                            "FKBP51 "
                            "and BDNF), however, remains an open question for future research.</p>"
                        ),
                    ],
                },
            ),
            ("heading", {"text": "Preclinical studies of stem-cell therapy for depression"}),
            (
                "paragraph",
                (
                    "<p>Preclinical research shows that stem-cell-based therapies, particularly "
                    "those "
                    "involving mesenchymal stem cells (MSCs), hold great potential for treating "
                    "depression. Studies in a range of animal models of depression, including "
                    "chronic stress models and treatment-resistant strains such as Wistar-Kyoto "
                    "rats, show that MSCs and related approaches such as cell encapsulation and "
                    "extracellular vesicles (EVs) can markedly reduce depressive-like "
                    "behaviour.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>A striking study by Kin et al. showed that encapsulated MSCs (eMSCs) "
                    "implanted "
                    "into the lateral ventricles of Wistar-Kyoto rats not only reduced "
                    "depressive-like behaviour but also promoted endogenous neurogenesis in the "
                    "subventricular zone and the dentate gyrus of the hippocampus. These effects "
                    "were attributed to sustained secretion of neurotrophic factors and activation "
                    "of the related signalling pathways. By contrast, non-encapsulated MSCs, or "
                    "eMSCs implanted outside the neurogenic niche, produced no comparable benefit, "
                    "which underlines the importance of the delivery method and of anatomical "
                    "targeting.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In addition, a study in rats by Costa-Ferro et al. found that "
                    "transplantation "
                    "of bone-marrow mononuclear cells prevented depressive- and anxiety-like "
                    "behaviour induced by chronic mild stress. The treatment suppressed the "
                    "upregulation of the pro-inflammatory markers HMGB1 and IL-1β in the "
                    "hippocampus while increasing expression of the anti-inflammatory factor BDNF "
                    "in the same region.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Figure 1 shows a schematic of this experimental process, and Table 1 "
                    "summarises the main findings from animal studies.</p>"
                ),
            ),
            (
                "figure",
                {
                    "image": FIGURE_IMAGE,
                    "alt_text": (
                        "Schematic: arrows lead from MSC and NSC cells to VEGF, FGF-2, CNTF and "
                        "BDNF, each marked as increased, and on to a neuron labelled MDD, "
                        "marked as reduced."
                    ),
                    "caption": (
                        "Schematic showing how MSCs and NSCs relieve depressive symptoms in "
                        "animal models by upregulating VEGF, FGF-2, CNTF and BDNF signalling, "
                        "which is usually reduced in depression."
                    ),
                    "credit": "Drawn by the editors from the description in reference [1]",
                },
            ),
            (
                "table",
                {
                    "caption": "Main findings from animal studies",
                    "table": {
                        **ANIMAL_TABLE_OPTIONS,
                        "data": [
                            ["Study", "Animal model", "Intervention", "Main findings"],
                            [
                                "Kin et al.",
                                "Wistar-Kyoto rats (treatment-resistant strain)",
                                "Encapsulated MSCs (eMSCs) implanted into the lateral ventricles",
                                (
                                    "Less depressive-like behaviour; more endogenous neurogenesis "
                                    "in "
                                    "the subventricular zone and hippocampal dentate gyrus; no "
                                    "comparable benefit from non-encapsulated MSCs or from eMSCs "
                                    "implanted outside the neurogenic niche"
                                ),
                            ],
                            [
                                "Costa-Ferro et al.",
                                "Rats exposed to chronic mild stress",
                                "Bone-marrow mononuclear cell transplantation",
                                (
                                    "Depressive- and anxiety-like behaviour prevented; rise of "
                                    "HMGB1 and IL-1β in the hippocampus suppressed; hippocampal "
                                    "BDNF expression increased"
                                ),
                            ],
                        ],
                    },
                    "source": "Reference [1]",
                },
            ),
            ("heading", {"text": "Clinical studies of stem-cell therapy for depression"}),
            (
                "paragraph",
                (
                    "<p>In 2016, Smulevich et al. carried out a notable study of the therapeutic "
                    "potential of umbilical cord blood cells in women with treatment-resistant "
                    "depression. Participants received weekly injections of 250 million "
                    "concentrated cord blood cells, once every four weeks, while a control group "
                    "received placebo injections. Although depressive and low-contextualised "
                    "symptoms (translator's note: a literal rendering of the original's "
                    "低情境化症状) eased in both groups, the treatment group showed a delayed but "
                    "more marked improvement "
                    "in treatment resistance and depression severity. Long-term cognitive "
                    "improvement was also observed in the stem-cell group.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>These findings suggest that cord blood cells may help to overcome "
                    "treatment "
                    "resistance in depression. Further preclinical research is needed, however, to "
                    "clarify whether the therapeutic effect depends on neural engraftment, on the "
                    "differentiation stage of the stem cells or on interactions with concurrent "
                    "antidepressant treatment.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Further support for this direction came on 25 November 2024, when the "
                    "Scientific Research Center of the China-Japan Union Hospital of Jilin "
                    "University published a review in <i>Frontiers in Pharmacology</i> entitled "
                    "“Therapeutic potential and mechanisms of stem cells in major depressive "
                    "disorder: a comprehensive review”.</p>"
                ),
            ),
            (
                "study_record",
                {
                    "publication": LI_2024_DOI,
                    "intervention": "Stem-cell (SC) transplantation",
                    "key_findings": (
                        "<p>The review concludes that stem cells (SCs), owing to their "
                        "anti-inflammatory effects and neurotrophic properties, are regarded as "
                        "a highly promising antidepressant treatment strategy.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>First, stem cells can promote the synthesis and secretion of serotonin "
                    "(5-HT) "
                    "and dopamine, increasing brain excitability and improving depressive "
                    "symptoms. "
                    "At the same time, by correcting mitochondrial dysfunction they can stop "
                    "damaged mitochondria from releasing excess free radicals and oxidation "
                    "products, reducing oxidative stress and the inflammatory response it "
                    "triggers.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In regulating inflammation, stem cells not only lower the expression of "
                    "pro-inflammatory factors such as IL-6, IL-1 and TNF-α but can also upregulate "
                    "anti-inflammatory factors, effectively relieving depression-related "
                    "inflammation in the brain. Stem cells also have immunomodulatory functions: "
                    "they can induce microglia to switch from a pro-inflammatory to an "
                    "anti-inflammatory phenotype, further suppressing inflammation and exerting a "
                    "neuroprotective effect.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Stem cells can also promote nerve regeneration through paracrine and "
                    "trophic "
                    "support, releasing neurotrophic factors that help neurons survive, grow and "
                    "differentiate and that repair damaged nerve tissue. They may also improve "
                    "depressive symptoms indirectly by regulating the activation, proliferation "
                    "and "
                    "differentiation of other immune cells.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Notably, stem cells and the exosomes derived from them have shown promise "
                    "in "
                    "clinical trials around the world.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>To date, two active clinical trials using stem cells or stem-cell-derived "
                    "products to treat depression have been registered on ClinicalTrials.gov, one "
                    "of which was terminated for lack of funding:</p>"
                ),
            ),
            (
                "trial_record",
                {
                    "trial": "NCT03265808",
                    "note": (
                        "<p>A phase I/II randomised, double-blind, placebo-controlled trial "
                        "evaluating the safety of allogeneic human mesenchymal stem cell (MSC) "
                        "infusion in 80 patients with comorbid alcohol use disorder and major "
                        "depression (AUD-MD).</p>"
                    ),
                },
            ),
            (
                "trial_record",
                {
                    "trial": "NCT03522545",
                    "note": (
                        "<p>A double-blind, placebo-controlled trial assessing the efficacy and "
                        "tolerability of allogeneic bone-marrow-derived multipotent mesenchymal "
                        "stromal cells in patients with treatment-resistant bipolar depression "
                        "(TRBD). The study is ongoing and currently recruiting, with 30 "
                        "participants planned.</p>"
                    ),
                },
            ),
            (
                "trial_record",
                {
                    "trial": "NCT02675556",
                    "note": (
                        "<p>A study evaluating the safety and potential efficacy of allogeneic MSC "
                        "infusion in patients with treatment-resistant depression. The trial was "
                        "terminated in 2019 for lack of funding.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Although these early trials show that the clinical use of stem-cell "
                    "therapy "
                    "for depression is still limited, the robust and consistent preclinical "
                    "results "
                    "underline the need for continued research. Further clinical studies are "
                    "essential to confirm efficacy, establish optimal treatment regimens and "
                    "ensure "
                    "long-term safety.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Delivering stem-cell therapy for depression: intranasal administration"},
            ),
            (
                "paragraph",
                (
                    "<p>One of the main limitations of stem-cell therapy for the central nervous "
                    "system (CNS) is the blood–brain barrier (BBB), which markedly impedes the "
                    "passage of therapeutic factors. Stereotactic and intrathecal injections are "
                    "often used to deliver stem cells to the CNS, but their invasiveness limits "
                    "wider clinical use.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In recent years intranasal administration (INA) has attracted growing "
                    "attention as a non-invasive and efficient way to deliver drugs and stem cells "
                    "to the CNS. It bypasses the BBB and reaches the brain directly through the "
                    "olfactory and trigeminal nerve pathways or the cerebrospinal fluid system. "
                    "Compared with intravenous or intracranial administration, INA has several "
                    "advantages:</p>"
                ),
            ),
            (
                "list",
                {
                    "ordered": False,
                    "items": [
                        "<p>it avoids first-pass metabolism;</p>",
                        "<p>it allows repeated dosing;</p>",
                        "<p>it reduces exposure of peripheral organs;</p>",
                        "<p>it is simpler to perform.</p>",
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>Studies have confirmed that INA can successfully deliver neural stem cells "
                    "(NSCs), mesenchymal stem cells (MSCs) and induced pluripotent stem cells "
                    "(iPSCs) in models of glioma, neurodegenerative disease, brain injury and "
                    "chronic inflammation. The mechanism involves drugs or cells accumulating in "
                    "the "
                    "nasal epithelium and then entering the CNS by paracellular routes and "
                    "intracellular transport.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Given its advantages in efficacy and safety, INA is regarded as a "
                    "promising "
                    "strategy for future non-invasive stem-cell treatment of depression and other "
                    "neurological disorders.</p>"
                ),
            ),
            ("heading", {"text": "Conclusion"}),
            (
                "paragraph",
                (
                    "<p>Stem-cell therapy, especially strategies based on mesenchymal stem cells "
                    "(MSCs) and their derivatives, offers a new direction for treating major "
                    "depressive disorder (MDD) with a strong biological rationale. Its appeal lies "
                    "in addressing the multifactorial pathology of MDD as a whole, including "
                    "promoting neurogenesis and regulating inflammation and oxidative stress, and "
                    "so it may help where existing therapies fail.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><b>Future directions:</b> progress will depend on innovation in stem-cell "
                    "engineering and biotechnology. Research directions include engineered stem "
                    "cells that home efficiently to damaged brain regions, withstand an "
                    "inflammatory "
                    "microenvironment or carry specific therapeutic genes, to enhance the "
                    "therapeutic effect. Non-invasive therapies based on derivatives such as "
                    "exosomes are also promising as a less invasive alternative, because they can "
                    "deliver active molecules to their targets and cross the blood–brain barrier. "
                    "Together, advances in cell reprogramming and delivery technology will drive "
                    "the emergence of more effective, personalised treatment strategies.</p>"
                ),
            ),
            (
                "quote",
                {
                    "style": "callout",
                    "attribution": "",
                    "text": (
                        "<p>In summary, stem-cell therapy represents a compelling, innovative "
                        "approach to treating depression. The field is still in its infancy, "
                        "however, and further rigorous research is needed to confirm efficacy, "
                        "clarify the mechanisms of action and ensure safety across different "
                        "patient populations.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>As stem-cell strategies for depression move closer to clinical application,"
                    " "
                    "ethical oversight, cost-effectiveness and regulatory harmonisation will also "
                    "be "
                    "crucial.</p>"
                ),
            ),
            ("reference_list", {"references": [JURCZENKO_2025_DOI]}),
        ],
    },
}
