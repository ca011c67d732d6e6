<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name />
    <message>
        <location filename="../../gui/playground/__init__.py" line="60" />
        <source>Inspector</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="61" />
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="65" />
        <source>Chain rule</source>
        <translation>Regra da cadeia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="67" />
        <source>Gradients</source>
        <translation>Gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="67" />
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="68" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="68" />
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="69" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="69" />
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="70" />
        <source>Strategies</source>
        <translation>Estratégias</translation>
    </message>
    <message>
        <location filename="../../gui/playground/__init__.py" line="75" />
        <source>Backprop</source>
        <translation>Backprop</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/help_dialogs.py" line="78" />
        <source>About Backprop Playground</source>
        <translation>Sobre o Backprop Playground</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="81" />
        <source>Version {v} · Python {py} · Qt {qt} · PySide6 {ps}</source>
        <translation>Versão {v} · Python {py} · Qt {qt} · PySide6 {ps}</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="83" />
        <source>Build circuits by hand and watch gradients flow.</source>
        <translation>Monte circuitos à mão e veja os gradientes fluírem.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="84" />
        <source>Made with PySide6, pyqtgraph, numpy, networkx and scikit-learn.</source>
        <translation>Feito com PySide6, pyqtgraph, numpy, networkx e scikit-learn.</translation>
    </message>
</context>
<context>
    <name>ActivationPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="193" />
        <source>Activation at the operating point</source>
        <translation>Ativação no ponto de operação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="197" />
        <location filename="../../gui/playground/plots.py" line="215" />
        <source>Select a node with one input (tanh, relu, exp, ...).</source>
        <translation>Selecione um nó com uma entrada (tanh, relu, exp, ...).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="239" />
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
        <location filename="../../gui/playground/chain_rule_panel.py" line="21" />
        <location filename="../../gui/playground/chain_rule_panel.py" line="41" />
        <source>Press Step backward (F10) to walk the chain rule node by node.</source>
        <translation>Pressione Passo para trás (F10) para percorrer a regra da cadeia nó a nó.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="31" />
        <source>Steps so far</source>
        <translation>Passos até agora</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="45" />
        <source>Step {i} of {n}: node {label}</source>
        <translation>Passo {i} de {n}: nó {label}</translation>
    </message>
</context>
<context>
    <name>CircuitScene</name>
    <message>
        <location filename="../../gui/canvas/scene.py" line="317" />
        <source>delete %n items</source>
        <translation>excluir %n itens</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="333" />
        <source>move %n nodes</source>
        <translation>mover %n nós</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../gui/canvas/edge_item.py" line="117" />
        <source>grad</source>
        <translation>grad</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <location filename="../../gui/edit_actions.py" line="51" />
        <source>build {text}</source>
        <translation>construir {text}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="67" />
        <source>Select one node first.</source>
        <translation>Selecione um nó primeiro.</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="87" />
        <source>duplicate</source>
        <translation>duplicar</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="100" />
        <source>The clipboard holds no circuit.</source>
        <translation>A área de transferência não contém um circuito.</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="102" />
        <source>paste</source>
        <translation>colar</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="105" />
        <source>auto layout</source>
        <translation>organização automática</translation>
    </message>
</context>
<context>
    <name>FunctionPanel</name>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="28" />
        <source>f(x) and its tangent</source>
        <translation>f(x) e sua tangente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="32" />
        <source>df/dx</source>
        <translation>df/dx</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="59" />
        <source>This panel plots the result against one input: open a circuit with a single input (such as f(x) = 3x² - 4x + 5) or select an input or weight.</source>
        <translation>Este painel mostra o resultado em função de uma entrada: abra um circuito com uma única entrada (como f(x) = 3x² - 4x + 5) ou selecione uma entrada ou um peso.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="94" />
        <source>{f}({x}) = {f0:.6g} at {x} = {x0:.4g}; slope d{f}/d{x} = {s:.6g} (the lecture's estimate (f(x+h) - f(x))/h with h = 0.0001: {est:.6g})</source>
        <translation>{f}({x}) = {f0:.6g} em {x} = {x0:.4g}; inclinação d{f}/d{x} = {s:.6g} (a estimativa da aula (f(x+h) - f(x))/h com h = 0,0001: {est:.6g})</translation>
    </message>
</context>
<context>
    <name>GradCheckPanel</name>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="19" />
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="19" />
        <source>Analytic</source>
        <translation>Analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="19" />
        <source>Numeric</source>
        <translation>Numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="19" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="23" />
        <source>✗ mismatch</source>
        <translation>✗ divergência</translation>
    </message>
</context>
<context>
    <name>GradientsPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="71" />
        <source>Sort by magnitude</source>
        <translation>Ordenar por magnitude</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="73" />
        <source>Gradient of each node</source>
        <translation>Gradiente de cada nó</translation>
    </message>
</context>
<context>
    <name>HowToDialog</name>
    <message>
        <location filename="../../gui/help_dialogs.py" line="39" />
        <source>How to</source>
        <translation>Como usar</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="43" />
        <source>Build a circuit</source>
        <translation>Monte um circuito</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="44" />
        <source>Drag inputs, weights and operations from the palette onto the canvas (or double-click an entry, or press Tab over the canvas and type). Drag from an output port (right) to an input port (left) to wire them. Or type a formula such as &lt;code&gt;L = (a*b + c) * f&lt;/code&gt; in the toolbar and press Enter.</source>
        <translation>Arraste entradas, pesos e operações da paleta para a tela (ou dê um duplo clique em um item, ou pressione Tab sobre a tela e digite). Arraste de uma porta de saída (à direita) até uma porta de entrada (à esquerda) para ligá-las. Ou digite uma fórmula como &lt;code&gt;L = (a*b + c) * f&lt;/code&gt; na barra de ferramentas e pressione Enter.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="48" />
        <source>Nudge values</source>
        <translation>Ajuste os valores</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="49" />
        <source>Select an input or a weight: the Inspector shows its slider. Drag it, or press the arrow keys on the canvas (Shift: ten steps). Every value and gradient downstream follows.</source>
        <translation>Selecione uma entrada ou um peso: o Inspetor mostra seu controle deslizante. Arraste-o, ou use as setas do teclado na tela (Shift: dez passos). Todos os valores e gradientes à frente acompanham.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="51" />
        <source>Walk backpropagation</source>
        <translation>Percorra a retropropagação</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="52" />
        <source>F5 runs the forward pass, F6 the backward pass. F10 steps backward one node at a time and the Chain rule panel writes out each step, e.g. dL/da = dL/de * de/da; Shift+F10 steps back.</source>
        <translation>F5 executa a passagem direta, F6 a passagem reversa. F10 avança a retropropagação um nó por vez e o painel Regra da cadeia escreve cada passo, por exemplo dL/da = dL/de * de/da; Shift+F10 volta um passo.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="54" />
        <source>Check and compare</source>
        <translation>Verifique e compare</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="55" />
        <source>F7 compares every gradient with a central-difference estimate. The Strategies panel runs the hacker's guide's four ways to raise an output and counts their circuit evaluations.</source>
        <translation>F7 compara cada gradiente com uma estimativa por diferenças centrais. O painel Estratégias executa as quatro formas do guia do hacker de aumentar uma saída e conta quantas avaliações do circuito cada uma usa.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="57" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="58" />
        <source>F8 takes one gradient step, F9 trains continuously (F9 again pauses); one undo entry per step or run. A step follows the circuit: an output that is a loss node (mse, bce, cross-entropy, hinge) is lowered by moving weights and blocks; any other output is raised by the lecture's nudge, every input and weight moving by learning rate × gradient. The first line of the Training panel says what the next step will change; change the goal, what moves, the optimizer, learning rate and speed there. For a 2-D classifier such as the moons example, the Decision boundary panel redraws as it learns; click it to add a point, Shift+click for the other class.</source>
        <translation>F8 dá um passo de gradiente, F9 treina continuamente (F9 de novo pausa); uma entrada de desfazer por passo ou por treino. Um passo segue o circuito: uma saída que é um nó de perda (mse, bce, entropia cruzada, hinge) é diminuída movendo pesos e blocos; qualquer outra saída é aumentada pelo ajuste da aula, cada entrada e peso se movendo em taxa de aprendizado × gradiente. A primeira linha do painel Treinamento diz o que o próximo passo vai mudar; mude ali o objetivo, o que se move, o otimizador, a taxa de aprendizado e a velocidade. Para um classificador 2-D como o exemplo das luas, o painel Fronteira de decisão se redesenha enquanto aprende; clique nele para adicionar um ponto, Shift+clique para a outra classe.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="66" />
        <source>Keep your work</source>
        <translation>Guarde seu trabalho</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="67" />
        <source>Ctrl+S saves the circuit as JSON; File &gt; Export writes a PNG or SVG picture, Graphviz DOT, or a Python or PyTorch script that reproduces every number. Your work is autosaved and offered back after a crash.</source>
        <translation>Ctrl+S salva o circuito em JSON; Arquivo &gt; Exportar grava uma imagem PNG ou SVG, Graphviz DOT, ou um script Python ou PyTorch que reproduz cada número. Seu trabalho é salvo automaticamente e oferecido de volta após uma falha.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="72" />
        <source>How to use Backprop Playground</source>
        <translation>Como usar o Backprop Playground</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../gui/inspector.py" line="56" />
        <source>Label</source>
        <translation>Rótulo</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="121" />
        <source>Select a node to see what it computes and edit it.</source>
        <translation>Selecione um nó para ver o que ele calcula e editá-lo.</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="134" />
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="136" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="138" />
        <source>{n} inputs</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="139" />
        <source>{nin} inputs -&gt; {nout} units</source>
        <translation>{nin} entradas -&gt; {nout} unidades</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="141" />
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="168" />
        <source>The edit was refused.</source>
        <translation>A edição foi recusada.</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="126" />
        <location filename="../../gui/playground/plots.py" line="147" />
        <source>Loss over steps</source>
        <translation>Perda ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="128" />
        <source>Accuracy over steps</source>
        <translation>Acurácia ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="147" />
        <source>Output over steps (maximised)</source>
        <translation>Saída ao longo dos passos (maximizada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="156" />
        <source>step {k}: {v:.6g}</source>
        <translation>passo {k}: {v:.6g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="158" />
        <source>, accuracy {a:.1%}</source>
        <translation>, acurácia {a:.1%}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="56" />
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="98" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="99" />
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="100" />
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101" />
        <source>Open Recent</source>
        <translation>Abrir recentes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="103" />
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107" />
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108" />
        <source>Save As…</source>
        <translation>Salvar como…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110" />
        <source>Export image (PNG)…</source>
        <translation>Exportar imagem (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111" />
        <source>Export image (SVG)…</source>
        <translation>Exportar imagem (SVG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113" />
        <source>Export {what}…</source>
        <translation>Exportar {what}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115" />
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119" />
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123" />
        <source>Cut</source>
        <translation>Recortar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125" />
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126" />
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127" />
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128" />
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130" />
        <source>Expand neuron into scalar nodes</source>
        <translation>Expandir o neurônio em nós escalares</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131" />
        <source>Collapse into a neuron</source>
        <translation>Recolher em um neurônio</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="133" />
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134" />
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="135" />
        <source>Zoom In</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="136" />
        <source>Zoom Out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137" />
        <source>Fit</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138" />
        <source>Auto layout</source>
        <translation>Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139" />
        <source>Light theme</source>
        <translation>Tema claro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140" />
        <source>Dark theme</source>
        <translation>Tema escuro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144" />
        <source>Panels</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145" />
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146" />
        <source>How to…</source>
        <translation>Como usar…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="147" />
        <source>About Backprop Playground</source>
        <translation>Sobre o Backprop Playground</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="148" />
        <source>Build</source>
        <translation>Construir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151" />
        <source>Type a formula, e.g. L = (a*b + c) * f, and press Enter</source>
        <translation>Digite uma fórmula, ex.: L = (a*b + c) * f, e pressione Enter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173" />
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174" />
        <source>Save the changes to this circuit first?</source>
        <translation>Salvar as alterações deste circuito antes?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193" />
        <source>Cannot show {name}</source>
        <translation>Não foi possível mostrar {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193" />
        <source>the circuit</source>
        <translation>o circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194" />
        <source>The circuit could not be evaluated: {e}</source>
        <translation>Não foi possível avaliar o circuito: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213" />
        <source>Cannot open {name}</source>
        <translation>Não foi possível abrir {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262" />
        <source>Cannot restore</source>
        <translation>Não foi possível restaurar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263" />
        <source>The autosaved copy stays in {path}.</source>
        <translation>A cópia salva automaticamente continua em {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271" />
        <source>Restored the work autosaved at {when}</source>
        <translation>Restaurado o trabalho salvo automaticamente às {when}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="276" />
        <source>never saved</source>
        <translation>nunca salvo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277" />
        <source>Backprop Playground closed without saving “{name}” ({where}); it was autosaved at {when}.</source>
        <translation>O Backprop Playground fechou sem salvar “{name}” ({where}); o salvamento automático foi feito às {when}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279" />
        <source>Yes: open it again, with the changes still unsaved.</source>
        <translation>Sim: abrir de novo, com as alterações ainda não salvas.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="280" />
        <source>No: discard the autosaved copy for good.</source>
        <translation>Não: descartar de vez a cópia salva automaticamente.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="281" />
        <source>Restore unsaved work?</source>
        <translation>Restaurar o trabalho não salvo?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="286" />
        <source>Open circuit</source>
        <translation>Abrir circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="286" />
        <location filename="../../gui/main_window.py" line="306" />
        <source>Circuits (*.json)</source>
        <translation>Circuitos (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296" />
        <source>Cannot save</source>
        <translation>Não foi possível salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="305" />
        <source>Save circuit</source>
        <translation>Salvar circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="317" />
        <source>Export image</source>
        <translation>Exportar imagem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="324" />
        <location filename="../../gui/main_window.py" line="333" />
        <location filename="../../gui/main_window.py" line="343" />
        <source>Cannot export</source>
        <translation>Não foi possível exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="326" />
        <source>Saved {path}</source>
        <translation>Salvo em {path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="336" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278" />
        <location filename="../../gui/main_window.py" line="363" />
        <source>untitled</source>
        <translation>sem título</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="233" />
        <source>data</source>
        <translation>dado</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="234" />
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
        <location filename="../../gui/playground/controller.py" line="49" />
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="50" />
        <source>Backward</source>
        <translation>Backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="51" />
        <source>Zero grad</source>
        <translation>Zerar gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="52" />
        <source>Step backward</source>
        <translation>Passo para trás</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="53" />
        <source>Step back</source>
        <translation>Voltar um passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="54" />
        <source>Run to end</source>
        <translation>Ir até o fim</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="55" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="56" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="57" />
        <source>Gradient step</source>
        <translation>Passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="58" />
        <location filename="../../gui/playground/controller.py" line="221" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="65" />
        <source>Auto backward</source>
        <translation>Backward automático</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="123" />
        <source>Backpropagation is complete: every gradient is known.</source>
        <translation>A retropropagação terminou: todos os gradientes são conhecidos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="178" />
        <source>{label}.{key}: norm over {k} of {n} entries</source>
        <translation>{label}.{key}: norma sobre {k} de {n} entradas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="184" />
        <source>Gradient check: {n} rows, {bad} mismatches</source>
        <translation>Verificação do gradiente: {n} linhas, {bad} divergências</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="207" />
        <source>gradient step</source>
        <translation>passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="224" />
        <source>training</source>
        <translation>treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="226" />
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
        <location filename="../../gui/playground/strategies_panel.py" line="28" />
        <source>Random search</source>
        <translation>Busca aleatória</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="29" />
        <source>Random local search</source>
        <translation>Busca aleatória local</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="30" />
        <source>Numerical gradient</source>
        <translation>Gradiente numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="31" />
        <source>Analytic gradient</source>
        <translation>Gradiente analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="32" />
        <source>Run the four strategies (100 steps each)</source>
        <translation>Executar as quatro estratégias (100 passos cada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="33" />
        <source>Strategy</source>
        <translation>Estratégia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="33" />
        <source>Output reached</source>
        <translation>Saída alcançada</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="33" />
        <source>Evaluations</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="38" />
        <source>circuit evaluations</source>
        <translation>avaliações do circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="39" />
        <location filename="../../gui/playground/strategies_panel.py" line="56" />
        <source>best output</source>
        <translation>melhor saída</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="55" />
        <source>best output, sign × log10(1 + |y|)</source>
        <translation>melhor saída, sinal × log10(1 + |y|)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="34" />
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="34" />
        <source>SGD with momentum</source>
        <translation>SGD com momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="41" />
        <location filename="../../gui/playground/training_panel.py" line="47" />
        <source>Follow the circuit</source>
        <translation>Seguir o circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="42" />
        <source>Lower the output (minimise)</source>
        <translation>Diminuir a saída (minimizar)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="43" />
        <source>Raise the output (maximise)</source>
        <translation>Aumentar a saída (maximizar)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="44" />
        <source>Follow the circuit: a loss node (mse, bce, cross-entropy, hinge) is lowered; any other output is raised, as in the lecture.</source>
        <translation>Seguir o circuito: um nó de perda (mse, bce, entropia cruzada, hinge) é diminuído; qualquer outra saída é aumentada, como na aula.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="48" />
        <source>Weights and blocks</source>
        <translation>Pesos e blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="49" />
        <source>Inputs, weights and blocks</source>
        <translation>Entradas, pesos e blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="50" />
        <source>Follow the circuit: a loss is lowered by moving weights and blocks only; any other circuit nudges every input and weight too, as the lecture does with a.data += 0.01 * a.grad.</source>
        <translation>Seguir o circuito: uma perda é diminuída movendo só pesos e blocos; qualquer outro circuito ajusta também cada entrada e peso, como a aula faz com a.data += 0.01 * a.grad.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="55" />
        <source> steps/s</source>
        <translation> passos/s</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="58" />
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="64" />
        <source>batch mean</source>
        <translation>média do lote</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="69" />
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="70" />
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="71" />
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="72" />
        <source>What moves</source>
        <translation>O que se move</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="73" />
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="74" />
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="75" />
        <source>Shown sample</source>
        <translation>Amostra exibida</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="76" />
        <source>Accuracy</source>
        <translation>Acurácia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="151" />
        <source>Next step: none (the circuit needs exactly one output).</source>
        <translation>Próximo passo: nenhum (o circuito precisa de exatamente uma saída).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="153" />
        <source>inputs, weights or blocks</source>
        <translation>entradas, pesos ou blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="153" />
        <source>weights or blocks</source>
        <translation>pesos ou blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="154" />
        <source>Next step: nothing to move (the circuit has no {what}).</source>
        <translation>Próximo passo: nada a mover (o circuito não tem {what}).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="157" />
        <source>{names} and {n} more</source>
        <translation>{names} e mais {n}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="160" />
        <source>Next step: nudges {names} by {lr} × gradient to raise {root}.</source>
        <translation>Próximo passo: ajusta {names} em {lr} × gradiente para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="162" />
        <source>Next step: moves {names} by −{lr} × gradient to lower {root}.</source>
        <translation>Próximo passo: move {names} em −{lr} × gradiente para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="164" />
        <source>Next step: moves {names} with momentum {mu} (learning rate {lr}) to raise {root}.</source>
        <translation>Próximo passo: move {names} com momento {mu} (taxa de aprendizado {lr}) para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="166" />
        <source>Next step: moves {names} with momentum {mu} (learning rate {lr}) to lower {root}.</source>
        <translation>Próximo passo: move {names} com momento {mu} (taxa de aprendizado {lr}) para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="168" />
        <source>Next step: moves {names} with Adam (learning rate {lr}) to raise {root}.</source>
        <translation>Próximo passo: move {names} com Adam (taxa de aprendizado {lr}) para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="169" />
        <source>Next step: moves {names} with Adam (learning rate {lr}) to lower {root}.</source>
        <translation>Próximo passo: move {names} com Adam (taxa de aprendizado {lr}) para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="175" />
        <source>Goal and what moves are set in this panel.</source>
        <translation>O objetivo e o que se move estão definidos neste painel.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="177" />
        <source>{root} is a loss node, so by default a step lowers it by moving weights and blocks.</source>
        <translation>{root} é um nó de perda, então por padrão um passo o diminui movendo pesos e blocos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="179" />
        <source>{root} is not a loss node, so by default a step is the lecture's nudge: every input and weight moves along its gradient to raise {root}.</source>
        <translation>{root} não é um nó de perda, então por padrão um passo é o ajuste da aula: cada entrada e peso se move na direção do seu gradiente para aumentar {root}.</translation>
    </message>
</context>
<context>
    <name>ValueSliderPanel</name>
    <message>
        <location filename="../../gui/slider_panel.py" line="24" />
        <location filename="../../gui/slider_panel.py" line="71" />
        <source>Select an input or a weight to nudge it.</source>
        <translation>Selecione uma entrada ou um peso para ajustá-lo.</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="38" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="40" />
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="41" />
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="42" />
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="77" />
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
    <name>window</name>
    <message>
        <location filename="../../gui/files.py" line="160" />
        <source>Autosave failed: {e}</source>
        <translation>O salvamento automático falhou: {e}</translation>
    </message>
</context>
<context><name>Palette</name><message><source>Input</source><translation>Entrada</translation></message><message><source>Weight</source><translation>Peso</translation></message><message><source>Constant</source><translation>Constante</translation></message><message><source>Data column</source><translation>Coluna de dados</translation></message><message><source>Neuron</source><translation>Neurônio</translation></message><message><source>Dense layer</source><translation>Camada densa</translation></message><message><source>Output</source><translation>Saída</translation></message><message><source>Values</source><translation>Valores</translation></message><message><source>Arithmetic</source><translation>Aritmética</translation></message><message><source>Functions</source><translation>Funções</translation></message><message><source>Activations</source><translation>Ativações</translation></message><message><source>Tensor</source><translation>Tensor</translation></message><message><source>Losses</source><translation>Perdas</translation></message><message><source>Blocks</source><translation>Blocos</translation></message><message><source>Add</source><translation>Somar</translation></message><message><source>Subtract</source><translation>Subtrair</translation></message><message><source>Multiply</source><translation>Multiplicar</translation></message><message><source>Divide</source><translation>Dividir</translation></message><message><source>Negate</source><translation>Negar</translation></message><message><source>Power</source><translation>Potência</translation></message><message><source>Power (constant k)</source><translation>Potência (k constante)</translation></message><message><source>Square</source><translation>Quadrado</translation></message><message><source>Maximum</source><translation>Máximo</translation></message><message><source>Exponential</source><translation>Exponencial</translation></message><message><source>Logarithm</source><translation>Logaritmo</translation></message><message><source>Sine</source><translation>Seno</translation></message><message><source>Cosine</source><translation>Cosseno</translation></message><message><source>Absolute value</source><translation>Valor absoluto</translation></message><message><source>Tanh</source><translation>Tanh</translation></message><message><source>Sigmoid</source><translation>Sigmoide</translation></message><message><source>ReLU</source><translation>ReLU</translation></message><message><source>Matrix product</source><translation>Produto de matrizes</translation></message><message><source>Sum</source><translation>Soma</translation></message><message><source>Mean</source><translation>Média</translation></message><message><source>Reshape</source><translation>Redimensionar</translation></message><message><source>Transpose</source><translation>Transpor</translation></message><message><source>Softmax</source><translation>Softmax</translation></message><message><source>Mean squared error</source><translation>Erro quadrático médio</translation></message><message><source>Binary cross-entropy</source><translation>Entropia cruzada binária</translation></message><message><source>BCE with logits</source><translation>BCE com logits</translation></message><message><source>Softmax cross-entropy</source><translation>Entropia cruzada softmax</translation></message><message><source>Hinge loss</source><translation>Perda hinge</translation></message><message><source>inputs</source><translation>entradas</translation></message></context><context><name>kinds</name><message><source>A named number you nudge with a slider; not trained.</source><translation>Um número com nome que você ajusta com um controle deslizante; não é treinado.</translation></message><message><source>A trainable parameter: gradient steps change it.</source><translation>Um parâmetro treinável: os passos de gradiente o alteram.</translation></message><message><source>A fixed number.</source><translation>Um número fixo.</translation></message><message><source>One column of the circuit's dataset: the circuit runs on all samples at once.</source><translation>Uma coluna do conjunto de dados do circuito: o circuito roda em todas as amostras de uma vez.</translation></message><message><source>Block: n inputs -&gt; sum of w*x + b -&gt; activation.</source><translation>Bloco: n entradas -&gt; soma de w*x + b -&gt; ativação.</translation></message><message><source>Block: matrix-valued layer, (batch, nin) -&gt; (batch, nout).</source><translation>Bloco: camada matricial, (lote, nin) -&gt; (lote, nout).</translation></message><message><source>Marks the root of the circuit: its gradient is 1.</source><translation>Marca a raiz do circuito: seu gradiente é 1.</translation></message></context><context><name>ops</name><message><source>Sum: routes the gradient unchanged to both inputs.</source><translation>Soma: repassa o gradiente inalterado às duas entradas.</translation></message><message><source>Difference.</source><translation>Diferença.</translation></message><message><source>Product: each input's gradient is the other input times the upstream gradient.</source><translation>Produto: o gradiente de cada entrada é a outra entrada vezes o gradiente que chega.</translation></message><message><source>Quotient.</source><translation>Quociente.</translation></message><message><source>Negation.</source><translation>Negação.</translation></message><message><source>Power with a variable exponent.</source><translation>Potência com expoente variável.</translation></message><message><source>Power with a constant exponent k (the lecture's x**2).</source><translation>Potência com expoente constante k (o x**2 da aula).</translation></message><message><source>Square.</source><translation>Quadrado.</translation></message><message><source>Maximum gate: routes the gradient to the larger input.</source><translation>Porta de máximo: envia o gradiente à maior entrada.</translation></message><message><source>Natural exponential.</source><translation>Exponencial natural.</translation></message><message><source>Natural logarithm.</source><translation>Logaritmo natural.</translation></message><message><source>Sine.</source><translation>Seno.</translation></message><message><source>Cosine.</source><translation>Cosseno.</translation></message><message><source>Absolute value.</source><translation>Valor absoluto.</translation></message><message><source>Hyperbolic tangent: squashes to (-1, 1).</source><translation>Tangente hiperbólica: comprime para (-1, 1).</translation></message><message><source>Logistic sigmoid: squashes to (0, 1).</source><translation>Sigmoide logística: comprime para (0, 1).</translation></message><message><source>Rectified linear unit: max(0, x).</source><translation>Unidade linear retificada: max(0, x).</translation></message><message><source>Matrix product.</source><translation>Produto de matrizes.</translation></message><message><source>Sum of elements.</source><translation>Soma dos elementos.</translation></message><message><source>Mean of elements.</source><translation>Média dos elementos.</translation></message><message><source>Reshape.</source><translation>Redimensionamento.</translation></message><message><source>Transpose.</source><translation>Transposição.</translation></message><message><source>Softmax.</source><translation>Softmax.</translation></message><message><source>Mean squared error.</source><translation>Erro quadrático médio.</translation></message><message><source>Binary cross-entropy on probabilities (log clamped at -100).</source><translation>Entropia cruzada binária sobre probabilidades (log limitado a -100).</translation></message><message><source>Binary cross-entropy from logits, stable for any z.</source><translation>Entropia cruzada binária a partir de logits, estável para qualquer z.</translation></message><message><source>Softmax cross-entropy; target is class indices or one-hot rows.</source><translation>Entropia cruzada softmax; o alvo são índices de classe ou linhas one-hot.</translation></message><message><source>Max-margin (hinge) loss with targets ±1.</source><translation>Perda de margem máxima (hinge) com alvos ±1.</translation></message></context></TS>