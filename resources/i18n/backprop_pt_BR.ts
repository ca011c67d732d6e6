<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name />
    <message>
        <location filename="../../gui/playground/__init__.py" line="45" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="46" />
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="49" />
        <source>Chain rule</source>
        <translation>Regra da cadeia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="51" />
        <source>Gradients</source>
        <translation>Gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="51" />
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="52" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="52" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="53" />
        <source>Strategies</source>
        <translation>Estratégias</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="58" />
        <source>Backprop</source>
        <translation>Backprop</translation>
    </message>
</context>
<context>
    <name>ActivationPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="86" />
        <source>Activation at the operating point</source>
        <translation>Ativação no ponto de operação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="90" />
        <source>Select a node with one input (tanh, relu, exp, ...).</source>
        <translation>Selecione um nó com uma entrada (tanh, relu, exp, ...).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="119" />
        <source>{label} = {sym}(x) at x = {x:.4g}: value {y:.4g}, slope {s:.4g} ({formula})</source>
        <translation>{label} = {sym}(x) em x = {x:.4g}: valor {y:.4g}, inclinação {s:.4g} ({formula})</translation>
    </message>
</context>
<context>
    <name>ChainRulePanel</name>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="16" />
        <location filename="../../gui/playground/chain_rule_panel.py" line="35" />
        <source>Press Step backward (F10) to walk the chain rule node by node.</source>
        <translation>Pressione Passo para trás (F10) para percorrer a regra da cadeia nó a nó.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="26" />
        <source>Steps so far</source>
        <translation>Passos até agora</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="39" />
        <source>Step {i} of {n}: node {label}</source>
        <translation>Passo {i} de {n}: nó {label}</translation>
    </message>
</context>
<context>
    <name>CircuitScene</name>
    <message>
        <location filename="../../gui/canvas/scene.py" line="309" />
        <source>delete %n items</source>
        <translation>excluir %n itens</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="325" />
        <source>move %n nodes</source>
        <translation>mover %n nós</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../gui/canvas/edge_item.py" line="111" />
        <source>grad</source>
        <translation>grad</translation>
    </message>
</context>
<context>
    <name>GradCheckPanel</name>
    <message>
        <location filename="../../gui/playground/controller.py" line="20" />
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="20" />
        <source>Analytic</source>
        <translation>Analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="20" />
        <source>Numeric</source>
        <translation>Numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="20" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>GradientsPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="30" />
        <source>Sort by magnitude</source>
        <translation>Ordenar por magnitude</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="32" />
        <source>Gradient of each node</source>
        <translation>Gradiente de cada nó</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="60" />
        <source>Loss over steps</source>
        <translation>Perda ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="76" />
        <source>step {k}: {v:.6g}</source>
        <translation>passo {k}: {v:.6g}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="51" />
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92" />
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="94" />
        <source>Open Recent</source>
        <translation>Abrir recentes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96" />
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="100" />
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101" />
        <source>Save As…</source>
        <translation>Salvar como…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="103" />
        <source>Export image (PNG)…</source>
        <translation>Exportar imagem (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105" />
        <source>Export {what}…</source>
        <translation>Exportar {what}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107" />
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109" />
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111" />
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116" />
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118" />
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119" />
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120" />
        <source>Zoom In</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121" />
        <source>Zoom Out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122" />
        <source>Fit</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123" />
        <source>Auto layout</source>
        <translation>Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124" />
        <source>Light theme</source>
        <translation>Tema claro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125" />
        <source>Dark theme</source>
        <translation>Tema escuro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129" />
        <source>Panels</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130" />
        <source>Build</source>
        <translation>Construir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="133" />
        <source>Type a formula, e.g. L = (a*b + c) * f, and press Enter</source>
        <translation>Digite uma fórmula, ex.: L = (a*b + c) * f, e pressione Enter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="160" />
        <source>build {text}</source>
        <translation>construir {text}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178" />
        <source>The clipboard holds no circuit.</source>
        <translation>A área de transferência não contém um circuito.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180" />
        <source>paste</source>
        <translation>colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183" />
        <source>auto layout</source>
        <translation>organização automática</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200" />
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201" />
        <source>Save the changes to this circuit first?</source>
        <translation>Salvar as alterações deste circuito antes?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="229" />
        <source>Cannot open {name}</source>
        <translation>Não foi possível abrir {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="253" />
        <source>Cannot restore</source>
        <translation>Não foi possível restaurar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="255" />
        <source>recovered</source>
        <translation>recuperado</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263" />
        <source>Restore unsaved work?</source>
        <translation>Restaurar o trabalho não salvo?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264" />
        <source>The app closed with unsaved changes. Restore them?</source>
        <translation>O aplicativo fechou com alterações não salvas. Restaurá-las?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268" />
        <source>Open circuit</source>
        <translation>Abrir circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268" />
        <location filename="../../gui/main_window.py" line="288" />
        <source>Circuits (*.json)</source>
        <translation>Circuitos (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278" />
        <source>Cannot save</source>
        <translation>Não foi possível salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="287" />
        <source>Save circuit</source>
        <translation>Salvar circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296" />
        <source>Export image</source>
        <translation>Exportar imagem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="312" />
        <source>Cannot export</source>
        <translation>Não foi possível exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="315" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="335" />
        <source>untitled</source>
        <translation>sem título</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="242" />
        <source>data</source>
        <translation>dado</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="243" />
        <source>grad</source>
        <translation>grad</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <location filename="../../gui/palette_dock.py" line="34" />
        <source>Search nodes…</source>
        <translation>Buscar nós…</translation>
    </message>
</context>
<context>
    <name>PlaygroundController</name>
    <message>
        <location filename="../../gui/playground/controller.py" line="47" />
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="48" />
        <source>Backward</source>
        <translation>Backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="49" />
        <source>Zero grad</source>
        <translation>Zerar gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="50" />
        <source>Step backward</source>
        <translation>Passo para trás</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="51" />
        <source>Step back</source>
        <translation>Voltar um passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="52" />
        <source>Run to end</source>
        <translation>Ir até o fim</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="53" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="54" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="55" />
        <source>Gradient step</source>
        <translation>Passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="56" />
        <location filename="../../gui/playground/controller.py" line="195" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="63" />
        <source>Auto backward</source>
        <translation>Backward automático</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="114" />
        <source>Backpropagation is complete: every gradient is known.</source>
        <translation>A retropropagação terminou: todos os gradientes são conhecidos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="170" />
        <source>Gradient check: {n} leaves, {bad} mismatches</source>
        <translation>Verificação do gradiente: {n} folhas, {bad} divergências</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="200" />
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
</context>
<context>
    <name>QuickAddPopup</name>
    <message>
        <location filename="../../gui/canvas/quick_add.py" line="31" />
        <source>Add node: type to search…</source>
        <translation>Adicionar nó: digite para buscar…</translation>
    </message>
</context>
<context>
    <name>StrategiesPanel</name>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="20" />
        <source>Random search</source>
        <translation>Busca aleatória</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="21" />
        <source>Random local search</source>
        <translation>Busca aleatória local</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="22" />
        <source>Numerical gradient</source>
        <translation>Gradiente numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="23" />
        <source>Analytic gradient</source>
        <translation>Gradiente analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="24" />
        <source>Run the four strategies (100 steps each)</source>
        <translation>Executar as quatro estratégias (100 passos cada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="26" />
        <source>Strategy</source>
        <translation>Estratégia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="26" />
        <source>Output reached</source>
        <translation>Saída alcançada</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="26" />
        <source>Evaluations</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="29" />
        <source>circuit evaluations</source>
        <translation>avaliações do circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="30" />
        <source>best output</source>
        <translation>melhor saída</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="19" />
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="19" />
        <source>SGD with momentum</source>
        <translation>SGD com momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="26" />
        <source>Minimise the loss</source>
        <translation>Minimizar a perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="27" />
        <source>Maximise the output</source>
        <translation>Maximizar a saída</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="30" />
        <source> steps/s</source>
        <translation> passos/s</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="32" />
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="38" />
        <source>batch mean</source>
        <translation>média do lote</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="41" />
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="42" />
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="43" />
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="44" />
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="45" />
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="46" />
        <source>Shown sample</source>
        <translation>Amostra exibida</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="47" />
        <source>Accuracy</source>
        <translation>Acurácia</translation>
    </message>
</context>
<context>
    <name>ValueSliderPanel</name>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="20" />
        <location filename="../../gui/playground/slider_panel.py" line="62" />
        <source>Select an input or a weight to nudge it.</source>
        <translation>Selecione uma entrada ou um peso para ajustá-lo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="33" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="35" />
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="36" />
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="37" />
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/slider_panel.py" line="68" />
        <source>{label} ({kind})</source>
        <translation>{label} ({kind})</translation>
    </message>
</context>
<context>
    <name>WiringMixin</name>
    <message>
        <location filename="../../gui/canvas/wiring.py" line="43" />
        <source>wire an output (right side) to an input (left side)</source>
        <translation>ligue uma saída (lado direito) a uma entrada (lado esquerdo)</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../gui/files.py" line="53" />
        <source>Autosave failed: {e}</source>
        <translation>O salvamento automático falhou: {e}</translation>
    </message>
</context>
</TS>