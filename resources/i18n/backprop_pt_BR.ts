<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name />
    <message>
        <location filename="../../gui/playground/__init__.py" line="53" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="54" />
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="57" />
        <source>Chain rule</source>
        <translation>Regra da cadeia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="59" />
        <source>Gradients</source>
        <translation>Gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="59" />
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="60" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="60" />
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="61" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="61" />
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="62" />
        <source>Strategies</source>
        <translation>Estratégias</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="67" />
        <source>Backprop</source>
        <translation>Backprop</translation>
    </message>
</context>
<context>
    <name>ActivationPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="158" />
        <source>Activation at the operating point</source>
        <translation>Ativação no ponto de operação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="162" />
        <source>Select a node with one input (tanh, relu, exp, ...).</source>
        <translation>Selecione um nó com uma entrada (tanh, relu, exp, ...).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="200" />
        <source>{label} = {sym}(x) at x = {x:.4g}: value {y:.4g}, slope {s:.4g} ({formula})</source>
        <translation>{label} = {sym}(x) em x = {x:.4g}: valor {y:.4g}, inclinação {s:.4g} ({formula})</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="42" />
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="64" />
        <source>The decision boundary appears for a circuit that classifies a 2-D dataset (data nodes into a hinge or binary cross-entropy loss), such as the moons example.</source>
        <translation>A fronteira de decisão aparece para um circuito que classifica um conjunto de dados 2-D (nós de dados ligados a uma perda hinge ou de entropia cruzada binária), como o exemplo das luas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="78" />
        <source>Accuracy {acc:.0%} on {n} points. Click to add a point of class {pos:g} (blue), Shift+click for class {neg:g} (orange).</source>
        <translation>Acurácia de {acc:.0%} em {n} pontos. Clique para adicionar um ponto da classe {pos:g} (azul), Shift+clique para a classe {neg:g} (laranja).</translation>
    </message>
</context>
<context>
    <name>ChainRulePanel</name>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="16" />
        <location filename="../../gui/playground/chain_rule_panel.py" line="36" />
        <source>Press Step backward (F10) to walk the chain rule node by node.</source>
        <translation>Pressione Passo para trás (F10) para percorrer a regra da cadeia nó a nó.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="26" />
        <source>Steps so far</source>
        <translation>Passos até agora</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="40" />
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
    <name>FunctionPanel</name>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="29" />
        <source>f(x) and its tangent</source>
        <translation>f(x) e sua tangente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="33" />
        <source>df/dx</source>
        <translation>df/dx</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="63" />
        <source>This panel plots the result against one input: open a circuit with a single input (such as f(x) = 3x² - 4x + 5) or select an input or weight.</source>
        <translation>Este painel mostra o resultado em função de uma entrada: abra um circuito com uma única entrada (como f(x) = 3x² - 4x + 5) ou selecione uma entrada ou um peso.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="96" />
        <source>{f}({x}) = {f0:.6g} at {x} = {x0:.4g}; slope d{f}/d{x} = {s:.6g} (the lecture's estimate (f(x+h) - f(x))/h with h = 0.0001: {est:.6g})</source>
        <translation>{f}({x}) = {f0:.6g} em {x} = {x0:.4g}; inclinação d{f}/d{x} = {s:.6g} (a estimativa da aula (f(x+h) - f(x))/h com h = 0,0001: {est:.6g})</translation>
    </message>
</context>
<context>
    <name>GradCheckPanel</name>
    <message>
        <location filename="../../gui/playground/controller.py" line="28" />
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="28" />
        <source>Analytic</source>
        <translation>Analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="28" />
        <source>Numeric</source>
        <translation>Numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="28" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="32" />
        <source>✗ mismatch</source>
        <translation>✗ divergência</translation>
    </message>
</context>
<context>
    <name>GradientsPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="61" />
        <source>Sort by magnitude</source>
        <translation>Ordenar por magnitude</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="63" />
        <source>Gradient of each node</source>
        <translation>Gradiente de cada nó</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="108" />
        <source>Loss over steps</source>
        <translation>Perda ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="124" />
        <source>step {k}: {v:.6g}</source>
        <translation>passo {k}: {v:.6g}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="52" />
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="94" />
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="95" />
        <source>Open Recent</source>
        <translation>Abrir recentes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="97" />
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101" />
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102" />
        <source>Save As…</source>
        <translation>Salvar como…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104" />
        <source>Export image (PNG)…</source>
        <translation>Exportar imagem (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106" />
        <source>Export {what}…</source>
        <translation>Exportar {what}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108" />
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110" />
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112" />
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118" />
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119" />
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120" />
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121" />
        <source>Zoom In</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122" />
        <source>Zoom Out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123" />
        <source>Fit</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124" />
        <source>Auto layout</source>
        <translation>Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125" />
        <source>Light theme</source>
        <translation>Tema claro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126" />
        <source>Dark theme</source>
        <translation>Tema escuro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130" />
        <source>Panels</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131" />
        <source>Build</source>
        <translation>Construir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134" />
        <source>Type a formula, e.g. L = (a*b + c) * f, and press Enter</source>
        <translation>Digite uma fórmula, ex.: L = (a*b + c) * f, e pressione Enter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161" />
        <source>build {text}</source>
        <translation>construir {text}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179" />
        <source>The clipboard holds no circuit.</source>
        <translation>A área de transferência não contém um circuito.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="181" />
        <source>paste</source>
        <translation>colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="184" />
        <source>auto layout</source>
        <translation>organização automática</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201" />
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202" />
        <source>Save the changes to this circuit first?</source>
        <translation>Salvar as alterações deste circuito antes?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="230" />
        <source>Cannot open {name}</source>
        <translation>Não foi possível abrir {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254" />
        <source>Cannot restore</source>
        <translation>Não foi possível restaurar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256" />
        <source>recovered</source>
        <translation>recuperado</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264" />
        <source>Restore unsaved work?</source>
        <translation>Restaurar o trabalho não salvo?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265" />
        <source>The app closed with unsaved changes. Restore them?</source>
        <translation>O aplicativo fechou com alterações não salvas. Restaurá-las?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="269" />
        <source>Open circuit</source>
        <translation>Abrir circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="269" />
        <location filename="../../gui/main_window.py" line="289" />
        <source>Circuits (*.json)</source>
        <translation>Circuitos (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279" />
        <source>Cannot save</source>
        <translation>Não foi possível salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="288" />
        <source>Save circuit</source>
        <translation>Salvar circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297" />
        <source>Export image</source>
        <translation>Exportar imagem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="313" />
        <source>Cannot export</source>
        <translation>Não foi possível exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="316" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="338" />
        <source>untitled</source>
        <translation>sem título</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="249" />
        <source>data</source>
        <translation>dado</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="250" />
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
        <location filename="../../gui/playground/controller.py" line="54" />
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="55" />
        <source>Backward</source>
        <translation>Backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="56" />
        <source>Zero grad</source>
        <translation>Zerar gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="57" />
        <source>Step backward</source>
        <translation>Passo para trás</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="58" />
        <source>Step back</source>
        <translation>Voltar um passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="59" />
        <source>Run to end</source>
        <translation>Ir até o fim</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="60" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="61" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="62" />
        <source>Gradient step</source>
        <translation>Passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="63" />
        <location filename="../../gui/playground/controller.py" line="209" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="70" />
        <source>Auto backward</source>
        <translation>Backward automático</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="121" />
        <source>Backpropagation is complete: every gradient is known.</source>
        <translation>A retropropagação terminou: todos os gradientes são conhecidos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="179" />
        <source>{label}.{key}: norm over {k} of {n} entries</source>
        <translation>{label}.{key}: norma sobre {k} de {n} entradas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="184" />
        <source>Gradient check: {n} rows, {bad} mismatches</source>
        <translation>Verificação do gradiente: {n} linhas, {bad} divergências</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="214" />
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
        <location filename="../../gui/playground/strategies_panel.py" line="24" />
        <source>Random search</source>
        <translation>Busca aleatória</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="25" />
        <source>Random local search</source>
        <translation>Busca aleatória local</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="26" />
        <source>Numerical gradient</source>
        <translation>Gradiente numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="27" />
        <source>Analytic gradient</source>
        <translation>Gradiente analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="28" />
        <source>Run the four strategies (100 steps each)</source>
        <translation>Executar as quatro estratégias (100 passos cada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="29" />
        <source>Strategy</source>
        <translation>Estratégia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="29" />
        <source>Output reached</source>
        <translation>Saída alcançada</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="29" />
        <source>Evaluations</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="31" />
        <source>circuit evaluations</source>
        <translation>avaliações do circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="32" />
        <location filename="../../gui/playground/strategies_panel.py" line="53" />
        <source>best output</source>
        <translation>melhor saída</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="52" />
        <source>best output, sign × log10(1 + |y|)</source>
        <translation>melhor saída, sinal × log10(1 + |y|)</translation>
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
        <location filename="../../gui/playground/training_panel.py" line="33" />
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="39" />
        <source>batch mean</source>
        <translation>média do lote</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="42" />
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="43" />
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="44" />
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="45" />
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="46" />
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="47" />
        <source>Shown sample</source>
        <translation>Amostra exibida</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="48" />
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