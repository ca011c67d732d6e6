<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutBanner</name>
    <message>
        <location filename="../../gui/about_banner.py" line="54" />
        <source>Hide this note about the circuit</source>
        <translation>Ocultar esta nota sobre o circuito</translation>
    </message>
<message><source>A tanh neuron</source><translation>Um neurônio tanh</translation></message><message><source>The lecture's neuron o = tanh(x1*w1 + x2*w2 + b) with x1=2, x2=0, w1=-3, w2=1, b=6.8814 (6.8813735870195432 exactly): o = 0.7071; backprop gives x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5.</source><translation>O neurônio da aula o = tanh(x1*w1 + x2*w2 + b) com x1=2, x2=0, w1=-3, w2=1, b=6.8814 (6.8813735870195432 exatamente): o = 0.7071; a retropropagação dá x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5.</translation></message><message><source>The neuron with tanh written out</source><translation>O neurônio com a tanh por extenso</translation></message><message><source>The same neuron with tanh(n) = (e^(2n) - 1) / (e^(2n) + 1) built from exp, -, + and /: the same numbers (o = 0.7071, x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5).</source><translation>O mesmo neurônio com tanh(n) = (e^(2n) - 1) / (e^(2n) + 1) montada com exp, -, + e /: os mesmos números (o = 0.7071, x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5).</translation></message><message><source>A first derivative</source><translation>Uma primeira derivada</translation></message><message><source>f(x) = 3x^2 - 4x + 5 at x = 3: f = 20 and df/dx = 6x - 4 = 14. Nudge x and watch the slope.</source><translation>f(x) = 3x^2 - 4x + 5 em x = 3: f = 20 e df/dx = 6x - 4 = 14. Ajuste x e observe a inclinação.</translation></message><message><source>d = a*b + c</source><translation>d = a*b + c</translation></message><message><source>a = 2, b = -3, c = 10 gives d = 4; dd/da = b = -3, dd/db = a = 2, dd/dc = 1.</source><translation>a = 2, b = -3, c = 10 dá d = 4; dd/da = b = -3, dd/db = a = 2, dd/dc = 1.</translation></message><message><source>L = (a*b + c) * f</source><translation>L = (a*b + c) * f</translation></message><message><source>The lecture's first graph: L = -8; gradients a 6, b -4, c -2, f 4, e -2, d -2. Addition routes the gradient, multiplication swaps the inputs. One gradient step (F8) nudges every leaf by 0.01 times its gradient, as the lecture does, and L rises to -7.286.</source><translation>O primeiro grafo da aula: L = -8; gradientes a 6, b -4, c -2, f 4, e -2, d -2. A adição repassa o gradiente, a multiplicação troca as entradas. Um passo de gradiente (F8) ajusta cada folha em 0.01 vezes o seu gradiente, como na aula, e L sobe para -7.286.</translation></message><message><source>b = a + a</source><translation>b = a + a</translation></message><message><source>A value used twice: a = 3, b = 6 and a.grad = 2, because gradients from both uses add up.</source><translation>Um valor usado duas vezes: a = 3, b = 6 e a.grad = 2, porque os gradientes dos dois usos se somam.</translation></message><message><source>The multiply gate</source><translation>A porta de multiplicação</translation></message><message><source>The hacker's guide's first circuit, f(x, y) = x*y at x = -2, y = 3: f = -6, df/dx = y = 3 and df/dy = x = -2, so raising x and lowering y raises f; a gradient step (F8) does exactly that. The Strategies panel tries the guide's four ways to raise f. (The Portuguese notebook starts at x = 1, y = -3: type them into the value boxes to follow it.)</source><translation>O primeiro circuito do guia do hacker, f(x, y) = x*y em x = -2, y = 3: f = -6, df/dx = y = 3 e df/dy = x = -2, então aumentar x e diminuir y aumenta f; um passo de gradiente (F8) faz exatamente isso. O painel Estratégias testa as quatro formas do guia de aumentar f. (O caderno em português começa em x = 1, y = -3: digite-os nas caixas de valor para acompanhá-lo.)</translation></message><message><source>y = sin(exp(x^3))</source><translation>y = sin(exp(x^3))</translation></message><message><source>The seed's chain of three functions at x = 2: y = 0.40176297151886475 and dy/dx = cos(exp(x^3)) * exp(x^3) * 3x^2 = -32757.521776103014.</source><translation>A cadeia de três funções do caderno em x = 2: y = 0.40176297151886475 e dy/dx = cos(exp(x^3)) * exp(x^3) * 3x^2 = -32757.521776103014.</translation></message><message><source>The lecture's MLP</source><translation>O MLP da aula</translation></message><message><source>MLP(3, [4, 4, 1]) with tanh neurons on the lecture's 4 samples (xs [[2,3,-1],[3,-1,0.5],[0.5,1,1],[1,1,-1]], ys [1,-1,-1,1]); loss: the mean squared error (the lecture sums the squares). Weights are seeded uniform(-1, 1); train and watch the loss fall.</source><translation>MLP(3, [4, 4, 1]) com neurônios tanh nas 4 amostras da aula (xs [[2,3,-1],[3,-1,0.5],[0.5,1,1],[1,1,-1]], ys [1,-1,-1,1]); perda: o erro quadrático médio (a aula soma os quadrados). Os pesos são sorteados com semente em uniform(-1, 1); treine e veja a perda cair.</translation></message><message><source>micrograd's moons classifier</source><translation>O classificador de luas do micrograd</translation></message><message><source>A 2-16-16-1 ReLU network trained with the max-margin (hinge) loss on 100 two-moons points, as in micrograd's demo (without its L2 term); labels are -1/+1.</source><translation>Uma rede ReLU 2-16-16-1 treinada com a perda de margem máxima (hinge) em 100 pontos das duas luas, como na demonstração do micrograd (sem o termo L2); os rótulos são -1/+1.</translation></message><message><source>The seed's 3x3 network</source><translation>A rede 3x3 do caderno</translation></message><message><source>X = arange(9).reshape(3, 3), y = [1, 0, 1], every weight 1, ReLU then sigmoid, MSE: the loss is 0.3333 as in the seed, and here the gradients are not zero (float64, a working backward pass).</source><translation>X = arange(9).reshape(3, 3), y = [1, 0, 1], todos os pesos 1, ReLU e depois sigmoide, MSE: a perda é 0.3333 como no caderno, e aqui os gradientes não são zero (float64, uma retropropagação que funciona).</translation></message><message><source>Digits MLP</source><translation>MLP de dígitos</translation></message><message><source>A 64-128-64-10 ReLU network with softmax cross-entropy on scikit-learn's 8x8 handwritten digits.</source><translation>Uma rede ReLU 64-128-64-10 com entropia cruzada softmax nos dígitos manuscritos 8x8 do scikit-learn.</translation></message><message><source>Three spiral arms</source><translation>Três braços de espiral</translation></message><message><source>A 2-32-32-3 ReLU network with softmax cross-entropy on 300 points of three interleaved spiral arms (classes 0, 1, 2; 20 % held out). Train it and the decision boundary shows three coloured regions.</source><translation>Uma rede ReLU 2-32-32-3 com entropia cruzada softmax em 300 pontos de três braços de espiral entrelaçados (classes 0, 1, 2; 20 % deixados de fora). Treine-a e a fronteira de decisão mostra três regiões coloridas.</translation></message></context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/help_dialogs.py" line="147" />
        <source>About Backprop Playground</source>
        <translation>Sobre o Backprop Playground</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="150" />
        <source>Version {v} · Python {py} · Qt {qt} · PySide6 {ps}</source>
        <translation>Versão {v} · Python {py} · Qt {qt} · PySide6 {ps}</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="152" />
        <source>Build circuits by hand and watch gradients flow.</source>
        <translation>Monte circuitos à mão e veja os gradientes fluírem.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="153" />
        <source>Made with PySide6, pyqtgraph, numpy, networkx and scikit-learn.</source>
        <translation>Feito com PySide6, pyqtgraph, numpy, networkx e scikit-learn.</translation>
    </message>
</context>
<context>
    <name>ActivationPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="380" />
        <source>Activation at the operating point</source>
        <translation>Ativação no ponto de operação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="384" />
        <location filename="../../gui/playground/plots.py" line="402" />
        <source>Select a node with one input (tanh, relu, exp, ...).</source>
        <translation>Selecione um nó com uma entrada (tanh, relu, exp, ...).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="426" />
        <source>{label} = {sym}(x) at x = {x:.4g}: value {y:.4g}, slope {s:.4g} ({formula})</source>
        <translation>{label} = {sym}(x) em x = {x:.4g}: valor {y:.4g}, inclinação {s:.4g} ({formula})</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="51" />
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="110" />
        <source>The decision boundary appears for a circuit that classifies a 2-D dataset (data nodes into a hinge or binary cross-entropy loss), such as the moons example.</source>
        <translation>A fronteira de decisão aparece para um circuito que classifica um conjunto de dados 2-D (nós de dados ligados a uma perda hinge ou de entropia cruzada binária), como o exemplo das luas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="127" />
        <source>Accuracy {acc:.0%} on {n} points of {k} classes.</source>
        <translation>Acurácia de {acc:.0%} em {n} pontos de {k} classes.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="130" />
        <source>Accuracy {acc:.0%} on {n} points. Shift+click adds a point of the other class.</source>
        <translation>Acurácia de {acc:.0%} em {n} pontos. Shift+clique adiciona um ponto da outra classe.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/boundary_panel.py" line="133" />
        <source>Triangles: the {k} held-out test points.</source>
        <translation>Triângulos: os {k} pontos de teste deixados de fora.</translation>
    </message>
</context>
<context>
    <name>ChainRulePanel</name>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="93" />
        <source>(the output's gradient with respect to itself: where backprop starts)</source>
        <translation>(o gradiente da saída em relação a ela mesma: onde a retropropagação começa)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="96" />
        <source>(one value per sample; the mean is shown)</source>
        <translation>(um valor por amostra; mostra-se a média)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="104" />
        <source>(per sample), mean {v}</source>
        <translation>(por amostra), média {v}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="111" />
        <source>{t} feeds {n} inputs: contribution {k} of {n}, so far {v}</source>
        <translation>{t} alimenta {n} entradas: contribuição {k} de {n}, até agora {v}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="116" />
        <source>{t} feeds {n} inputs: all contributions are in, {parts} = {v}</source>
        <translation>{t} alimenta {n} entradas: todas as contribuições chegaram, {parts} = {v}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="128" />
        <source>Blue ∂{root}/∂…: the gradient of {root}, how much {root} changes per unit change of a node, through every path (it accumulates; it is known for {node} once every node that {node} feeds has been stepped). Orange {local}: the local derivative of {node} = {expr} alone, from its rule: {rule}.</source>
        <translation>Azul ∂{root}/∂…: o gradiente de {root}, quanto {root} muda por unidade de mudança de um nó, por todos os caminhos (ele se acumula; fica conhecido para {node} quando todos os nós que {node} alimenta já foram percorridos). Laranja {local}: a derivada local de {node} = {expr} sozinho, pela sua regra: {rule}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="145" />
        <source>Press Step backward (F10) to walk the chain rule node by node.</source>
        <translation>Pressione Passo para trás (F10) para percorrer a regra da cadeia nó a nó.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="147" />
        <source>Each step takes one node, starting at the output: the gradient that has arrived at the node times the node's local derivative gives each of its inputs its share of the gradient.</source>
        <translation>Cada passo toma um nó, a começar pela saída: o gradiente que chegou ao nó vezes a derivada local do nó dá a cada uma das suas entradas a sua parte do gradiente.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="152" />
        <source>Step {i} of {n}: node {label} = {expr}</source>
        <translation>Passo {i} de {n}: nó {label} = {expr}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/chain_rule_panel.py" line="50" />
        <source>Steps so far</source>
        <translation>Passos até agora</translation>
    </message>
</context>
<context>
    <name>CircuitScene</name>
    <message>
        <location filename="../../gui/canvas/scene.py" line="348" />
        <source>type a number such as 2.5 or -3</source>
        <translation>digite um número como 2.5 ou -3</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="349" />
        <source>{label}: {text!r} was not set: {why}</source>
        <translation>{label}: {text!r} não foi definido: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="366" />
        <source>delete %n items</source>
        <translation>excluir %n itens</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="382" />
        <source>move %n nodes</source>
        <translation>mover %n nós</translation>
    </message>
</context>
<context>
    <name>ClassChooser</name>
    <message>
        <location filename="../../gui/playground/class_chooser.py" line="30" />
        <source>Click the plot to add a point of class:</source>
        <translation>Clique no gráfico para adicionar um ponto da classe:</translation>
    </message>
    <message>
        <location filename="../../gui/playground/class_chooser.py" line="59" />
        <source>Clicks on the plot add points of class {c}</source>
        <translation>Cliques no gráfico adicionam pontos da classe {c}</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="32" />
        <source>All rows</source>
        <translation>Todas as linhas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="32" />
        <source>Training rows</source>
        <translation>Linhas de treino</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="33" />
        <source>Test rows</source>
        <translation>Linhas de teste</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="45" />
        <source>true class</source>
        <translation>classe verdadeira</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="46" />
        <source>predicted class</source>
        <translation>classe prevista</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="63" />
        <source>No rows are held out: set a test share in the Training panel.</source>
        <translation>Nenhuma linha foi separada: defina uma parte de teste no painel Treino.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="64" />
        <source>The confusion matrix appears for a classifier circuit on a dataset (a hinge, binary cross-entropy or softmax cross-entropy loss), such as the moons or digits examples.</source>
        <translation>A matriz de confusão aparece para um circuito classificador sobre um conjunto de dados (perda hinge, entropia cruzada binária ou entropia cruzada softmax), como os exemplos moons e digits.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_panel.py" line="87" />
        <source>{acc:.1%} right on {n} rows ({w} wrong). Rows: true class; columns: predicted class; colour: the share of the true class.</source>
        <translation>{acc:.1%} de acertos em {n} linhas ({w} erradas). Linhas: classe verdadeira; colunas: classe prevista; cor: a fração da classe verdadeira.</translation>
    </message>
</context>
<context>
    <name>DigitsPanel</name>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="105" />
        <source>First-layer weights, one 8x8 image per unit</source>
        <translation>Pesos da primeira camada, uma imagem 8x8 por unidade</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="111" />
        <source>Draw a digit</source>
        <translation>Desenhe um dígito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="116" />
        <source>What the network reads</source>
        <translation>O que a rede lê</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="117" />
        <source>The drawing scaled to fill the height and centred, in 8x8 cells of ink: the data's digits were made this way.</source>
        <translation>O desenho ampliado até ocupar toda a altura e centralizado, em 8x8 células de tinta: os dígitos dos dados foram feitos assim.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="123" />
        <source>Class probabilities</source>
        <translation>Probabilidades das classes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="133" />
        <source>Clear the pad</source>
        <translation>Limpar o quadro</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="141" />
        <source>Digits</source>
        <translation>Dígitos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="144" />
        <source>Digits views (weights, drawing pad, mistakes)</source>
        <translation>Vistas de dígitos (pesos, quadro de desenho, erros)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="211" />
        <source>{units} units: red weights are positive, blue ones negative.</source>
        <translation>{units} unidades: pesos vermelhos são positivos, azuis negativos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="213" />
        <location filename="../../gui/playground/digits_panel.py" line="219" />
        <source>Test digit of row {row}, a {t}: the network reads it as {d} ({p:.0%}).</source>
        <translation>Dígito de teste da linha {row}, um {t}: a rede o lê como {d} ({p:.0%}).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="216" />
        <source>The network reads your drawing as {d} ({p:.0%}).</source>
        <translation>A rede lê o seu desenho como {d} ({p:.0%}).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="218" />
        <source>Draw a digit on the pad with the mouse.</source>
        <translation>Desenhe um dígito no quadro com o mouse.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digits_panel.py" line="188" />
        <source>The digits views appear for a circuit that reads the 64 pixels of the 8x8 digits into a dense layer, such as the Digits MLP example.</source>
        <translation>As vistas de dígitos aparecem para um circuito que leva os 64 pixels dos dígitos 8x8 a uma camada densa, como o exemplo Digits MLP.</translation>
    </message>
</context>
<context>
    <name>DockLayout</name>
    <message>
        <location filename="../../gui/playground/docks.py" line="65" />
        <source>Inspector</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="65" />
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="66" />
        <source>Chain rule</source>
        <translation>Regra da cadeia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="66" />
        <source>Gradients</source>
        <translation>Gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="66" />
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="67" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="67" />
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="69" />
        <source>Decision boundary</source>
        <comment>panel tab</comment>
        <translation>Fronteira</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="70" />
        <source>Units</source>
        <translation>Neurônios</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="71" />
        <source>Gradient check</source>
        <comment>panel tab</comment>
        <translation>Verificação</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="72" />
        <source>Strategies</source>
        <translation>Estratégias</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="72" />
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="73" />
        <source>Confusion</source>
        <translation>Confusão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="95" />
        <source>Lock panels</source>
        <translation>Travar painéis</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="97" />
        <source>Locked panels cannot be dragged away or floated by accident; unlock them to move, float or re-dock a panel.</source>
        <translation>Painéis travados não podem ser arrastados nem soltos por acidente; destrave-os para mover, soltar ou reencaixar um painel.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="124" />
        <source>Backprop</source>
        <translation>Backprop</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="180" />
        <source>Optimizer state</source>
        <translation>Estado do otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/docks.py" line="180" />
        <source>Confusion matrix</source>
        <translation>Matriz de confusão</translation>
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
        <location filename="../../gui/edit_actions.py" line="62" />
        <location filename="../../gui/edit_actions.py" line="69" />
        <source>build {text}</source>
        <translation>construir {text}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="62" />
        <source>replace with {text}</source>
        <translation>substituir por {text}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="72" />
        <source>The circuit could not be built.</source>
        <translation>Não foi possível construir o circuito.</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="89" />
        <source>Select one node first.</source>
        <translation>Selecione um nó primeiro.</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="109" />
        <source>duplicate</source>
        <translation>duplicar</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="122" />
        <source>The clipboard holds no circuit.</source>
        <translation>A área de transferência não contém um circuito.</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="124" />
        <source>paste</source>
        <translation>colar</translation>
    </message>
    <message>
        <location filename="../../gui/edit_actions.py" line="127" />
        <source>auto layout</source>
        <translation>organização automática</translation>
    </message>
</context>
<context>
    <name>FeatureButtons</name>
    <message>
        <location filename="../../gui/playground/feature_buttons.py" line="60" />
        <source>Add {f} as a data column with a data node that reads it; click again to take it out.</source>
        <translation>Acrescenta {f} como coluna de dados, com um nó de dados que a lê; clique de novo para tirá-la.</translation>
    </message>
</context>
<context>
    <name>FormulaField</name>
    <message>
        <location filename="../../gui/formula_field.py" line="30" />
        <source>Lines separated by ; or new lines, in any order.</source>
        <translation>Linhas separadas por ; ou quebras de linha, em qualquer ordem.</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="31" />
        <source>{define} defines a node; the result is the line nothing else uses.</source>
        <translation>{define} define um nó; o resultado é a linha que nenhuma outra usa.</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="33" />
        <source>{value} gives a name its value (1 when none is given).</source>
        <translation>{value} dá o valor de um nome (1 quando nenhum é dado).</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="34" />
        <source>Every name is an input, unless declared: {weight} is a weight (training moves it), {constant} a constant. The Inspector switches the kind later.</source>
        <translation>Todo nome é uma entrada, a menos que seja declarado: {weight} é um peso (o treinamento o move), {constant} uma constante. O Inspetor troca o tipo depois.</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="37" />
        <source>Operators: {ops}</source>
        <translation>Operadores: {ops}</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="38" />
        <source>Functions: {names}</source>
        <translation>Funções: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="40" />
        <source>Example: {example}</source>
        <translation>Exemplo: {example}</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="42" />
        <source>Formula syntax</source>
        <translation>Sintaxe das fórmulas</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="54" />
        <source>Type a formula: L = (a*b + c) * f; a = 2; w = weight(0.5) ⏎</source>
        <translation>Digite uma fórmula: L = (a*b + c) * f; a = 2; w = weight(0.5) ⏎</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="70" />
        <source>Click or press Escape to dismiss</source>
        <translation>Clique ou pressione Esc para fechar</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="83" />
        <source>Build the formula</source>
        <translation>Construir a fórmula</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="84" />
        <source>The canvas already holds a circuit. Replace it with the formula, or add the formula beside it?</source>
        <translation>A tela já tem um circuito. Substituí-lo pela fórmula ou adicionar a fórmula ao lado dele?</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="86" />
        <source>Replace the circuit</source>
        <translation>Substituir o circuito</translation>
    </message>
    <message>
        <location filename="../../gui/formula_field.py" line="87" />
        <source>Add to it</source>
        <translation>Adicionar ao lado</translation>
    </message>
</context>
<context>
    <name>FunctionPanel</name>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="72" />
        <source>f(x) and its tangent</source>
        <translation>f(x) e sua tangente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="76" />
        <source>df/dx</source>
        <translation>df/dx</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="101" />
        <source>This panel plots the result against one input: open a circuit with a single input (such as f(x) = 3x² - 4x + 5) or select an input or weight.</source>
        <translation>Este painel mostra o resultado em função de uma entrada: abra um circuito com uma única entrada (como f(x) = 3x² - 4x + 5) ou selecione uma entrada ou um peso.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="140" />
        <source>{f}({x}) = {f0:.6g} at {x} = {x0:.4g}; slope d{f}/d{x} = {s:.7g} (backward; a numeric estimate refined until stable agrees: {n:.7g}).</source>
        <translation>{f}({x}) = {f0:.6g} em {x} = {x0:.4g}; inclinação d{f}/d{x} = {s:.7g} (backward; uma estimativa numérica refinada até estabilizar concorda: {n:.7g}).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="143" />
        <source>The lecture's estimate (f(x+h) - f(x))/h with h = 0.0001 gives {est:.6g}</source>
        <translation>A estimativa da aula (f(x+h) - f(x))/h com h = 0.0001 dá {est:.6g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="146" />
        <source>far off: h is not small compared with how fast f turns here. That is the lecture's lesson about the step size: a smaller h (or a central difference, refined) gets close; too small an h loses digits to round-off.</source>
        <translation>longe: h não é pequeno perto da rapidez com que f muda aqui. Essa é a lição da aula sobre o tamanho do passo: um h menor (ou uma diferença central, refinada) chega perto; um h pequeno demais perde dígitos por arredondamento.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/function_panel.py" line="150" />
        <source>close: the small difference is the error of a finite step, and it shrinks with h.</source>
        <translation>perto: a pequena diferença é o erro de um passo finito, e diminui com h.</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="105" />
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="106" />
        <source>Next page</source>
        <translation>Próxima página</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="177" />
        <source>The gallery of misclassified digits appears for a softmax classifier of the 8x8 digits, such as the Digits MLP example.</source>
        <translation>A galeria de dígitos classificados errado aparece para um classificador softmax dos dígitos 8x8, como o exemplo Digits MLP.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="180" />
        <source>No rows are held out: set a test share in the Training panel.</source>
        <translation>Nenhuma linha foi separada: defina uma parte de teste no painel Treino.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="182" />
        <source>The network's scores are not finite numbers: no test digit can be judged.</source>
        <translation>As pontuações da rede não são números finitos: nenhum dígito de teste pode ser avaliado.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="184" />
        <source>{w} of {n} test digits wrong.</source>
        <translation>{w} de {n} dígitos de teste errados.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="186" />
        <source>Under each: true → predicted class and the network's probability for it; the most confident mistakes first. Click a digit to put it on the pad.</source>
        <translation>Sob cada um: classe verdadeira → classe prevista e a probabilidade que a rede lhe dá; os erros mais confiantes primeiro. Clique em um dígito para colocá-lo no quadro.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="190" />
        <source>The network reads every test digit right.</source>
        <translation>A rede lê certo todos os dígitos de teste.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="213" />
        <source>Test row {row}: a {t}, read as {p} with probability {c:.0%}. Click to put it on the pad.</source>
        <translation>Linha de teste {row}: um {t}, lido como {p} com probabilidade {c:.0%}. Clique para colocá-lo no quadro.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/digit_gallery.py" line="221" />
        <source>page {p} of {n}</source>
        <translation>página {p} de {n}</translation>
    </message>
</context>
<context>
    <name>GradCheckPanel</name>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="23" />
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="23" />
        <source>Analytic (backward)</source>
        <translation>Analítico (backward)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="23" />
        <source>Numeric estimate</source>
        <translation>Estimativa numérica</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="24" />
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="44" />
        <source>✓ (a kink: slope on one side)</source>
        <translation>✓ (um bico: inclinação de um lado)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="47" />
        <source>? the estimate did not settle</source>
        <translation>? a estimativa não se estabilizou</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="52" />
        <source>{label}: worst of {k} of {n} entries</source>
        <translation>{label}: o pior de {k} de {n} entradas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="59" />
        <source>Press Gradient check (F7) to compare every gradient that backward computes with a numeric estimate that does not use backward.</source>
        <translation>Pressione Verificação de gradiente (F7) para comparar cada gradiente calculado pelo backward com uma estimativa numérica que não usa o backward.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="68" />
        <source>Numeric estimate: central differences (f(x+h) - f(x-h)) / 2h with h shrinking from a step scaled to the value, refined by Richardson extrapolation until stable. ✓ when they agree to a relative {tol:g}.</source>
        <translation>Estimativa numérica: diferenças centrais (f(x+h) - f(x-h)) / 2h com h diminuindo a partir de um passo proporcional ao valor, refinadas por extrapolação de Richardson até estabilizar. ✓ quando concordam com erro relativo de {tol:g}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="72" />
        <source>Checked on the first {n} samples of the dataset.</source>
        <translation>Verificado nas primeiras {n} amostras do conjunto de dados.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="74" />
        <source>The circuit or its values changed since this check: press F7 to check again.</source>
        <translation>O circuito ou seus valores mudaram desde esta verificação: pressione F7 para verificar de novo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/gradcheck_panel.py" line="46" />
        <source>✗ mismatch</source>
        <translation>✗ divergência</translation>
    </message>
</context>
<context>
    <name>GradientsPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="162" />
        <source>Sort by magnitude</source>
        <translation>Ordenar por magnitude</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="164" />
        <location filename="../../gui/playground/plots.py" line="165" />
        <location filename="../../gui/playground/plots.py" line="188" />
        <source>Gradient of each node</source>
        <translation>Gradiente de cada nó</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="187" />
        <source>Gradient of each node; a block's W and b: the size of their gradients</source>
        <translation>Gradiente de cada nó; W e b de um bloco: o tamanho dos seus gradientes</translation>
    </message>
</context>
<context>
    <name>HowToDialog</name>
    <message>
        <location filename="../../gui/help_dialogs.py" line="41" />
        <source>How to</source>
        <translation>Como usar</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="45" />
        <source>Learn</source>
        <translation>Aprender</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="46" />
        <source>The Lessons menu holds eleven lessons from the micrograd lecture and the hacker's guide; the Lesson panel shows each step, what to do, a Hint, Back and Next. Next opens when the step's check passes; a wrong answer is answered with the reason. The node in question is ringed on the canvas and the button to press is outlined. Progress is kept; Lessons &gt; Restart lesson starts one again.</source>
        <translation>O menu Lições traz onze lições da aula do micrograd e do guia do hacker; o painel Lição mostra cada passo, o que fazer, Dica, Voltar e Próximo. Próximo se abre quando a verificação do passo é satisfeita; uma resposta errada recebe o motivo. O nó em questão fica circulado na tela e o botão a apertar fica destacado. O progresso fica guardado; Lições &gt; Recomeçar a lição começa uma de novo.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="51" />
        <source>Build a circuit</source>
        <translation>Monte um circuito</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="52" />
        <source>Drag inputs, weights and operations from the palette onto the canvas (or double-click an entry, or press Tab over the canvas and type). Drag from an output port (right) to an input port (left) to wire them. Or type a formula such as &lt;code&gt;L = (a*b + c) * f&lt;/code&gt; in the toolbar and press Enter.</source>
        <translation>Arraste entradas, pesos e operações da paleta para a tela (ou dê um duplo clique em um item, ou pressione Tab sobre a tela e digite). Arraste de uma porta de saída (à direita) até uma porta de entrada (à esquerda) para ligá-las. Ou digite uma fórmula como &lt;code&gt;L = (a*b + c) * f&lt;/code&gt; na barra de ferramentas e pressione Enter.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="56" />
        <source>Type a formula</source>
        <translation>Digitar uma fórmula</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="57" />
        <source>Type it in the toolbar's field and press Enter. If the canvas already holds a circuit you choose: replace it (one Undo brings it back) or add the formula beside it. A formula that cannot be built is explained in a red box under the field.</source>
        <translation>Digite-a no campo da barra de ferramentas e pressione Enter. Se a tela já tem um circuito, você escolhe: substituí-lo (um Desfazer o traz de volta) ou adicionar a fórmula ao lado dele. Uma fórmula que não pode ser construída é explicada em uma caixa vermelha abaixo do campo.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="60" />
        <source>Nudge values</source>
        <translation>Ajuste os valores</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="61" />
        <source>Select an input or a weight: the Inspector shows its value and slider. On the canvas, Up or Right raises the selected value by one slider step, Down or Left lowers it (Shift: ten steps); with nothing selected the arrow keys scroll the canvas. Type any number into the value box, or double-click a value's card and type it: the number is kept exactly and the slider widens to hold it. Every value and gradient downstream follows. A node with an unwired input says what it needs; the rest of the circuit keeps its numbers. An example shows its title and description above the canvas (× hides them).</source>
        <translation>Selecione uma entrada ou um peso: o Inspetor mostra seu valor e seu controle deslizante. Na tela, a seta para cima ou para a direita aumenta o valor selecionado em um passo do controle, a seta para baixo ou para a esquerda o diminui (Shift: dez passos); sem nada selecionado, as setas rolam a tela. Digite qualquer número na caixa de valor, ou dê um clique duplo no cartão de um valor e digite-o: o número é mantido exatamente e o controle se alarga para contê-lo. Todos os valores e gradientes à frente acompanham. Um nó com uma entrada sem fio diz o que lhe falta; o resto do circuito mantém seus números. Um exemplo mostra seu título e sua descrição acima da tela (× os oculta).</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="68" />
        <source>Walk backpropagation</source>
        <translation>Percorra a retropropagação</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="69" />
        <source>F5 runs the forward pass, F6 the backward pass. F10 steps backward one node at a time and the Chain rule panel writes out each step with its numbers, e.g. ∂L/∂a = ∂L/∂e × ∂e/∂a = −2 × −3 = 6: blue ∂L/∂… is the gradient of the output (+= where a node feeds several, with every contribution), orange ∂e/∂a the node's own local derivative. Shift+F10 steps back.</source>
        <translation>F5 executa a passagem direta, F6 a passagem reversa. F10 avança a retropropagação um nó por vez e o painel Regra da cadeia escreve cada passo com seus números, por exemplo ∂L/∂a = ∂L/∂e × ∂e/∂a = −2 × −3 = 6: em azul ∂L/∂… é o gradiente da saída (+= onde um nó alimenta vários, com cada contribuição), em laranja ∂e/∂a a derivada local do próprio nó. Shift+F10 volta um passo.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="74" />
        <source>F7 compares every gradient that backward computes with a numeric estimate (central differences refined by Richardson extrapolation) and marks each ✓ or ✗. The f(x) panel plots a one-input circuit and its slope beside the lecture's (f(x+h) - f(x))/h. The Strategies panel runs the hacker's guide's four ways to raise an output and says what each tried, what it cost and where it got.</source>
        <translation>F7 compara cada gradiente calculado pelo backward com uma estimativa numérica (diferenças centrais refinadas por extrapolação de Richardson) e marca cada um com ✓ ou ✗. O painel f(x) mostra um circuito de uma entrada e sua inclinação ao lado da estimativa (f(x+h) - f(x))/h da aula. O painel Estratégias executa as quatro formas do guia do hacker de aumentar uma saída e diz o que cada uma tentou, quanto custou e aonde chegou.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="116" />
        <source>With the digits example (8×8 handwritten digits, 10 classes), View &gt; Digits views shows the first layer's weights as one 8×8 image per unit (red positive, blue negative), redrawn as the network trains. Draw a digit on the pad with the mouse: What the network reads shows your drawing scaled and centred into 8×8 cells, as the data's digits were made, and the bars show the probability of each class; Clear the pad starts again. Below, the gallery shows the test digits the network gets wrong, each captioned true → read and its probability, page by page; click one to put it on the pad and see all ten bars.</source>
        <translation>Com o exemplo dos dígitos (dígitos manuscritos 8×8, 10 classes), Exibir &gt; Vistas de dígitos mostra os pesos da primeira camada como uma imagem 8×8 por neurônio (vermelho positivo, azul negativo), redesenhadas enquanto a rede treina. Desenhe um dígito no quadro com o mouse: O que a rede lê mostra o seu desenho redimensionado e centralizado em células 8×8, como os dígitos dos dados foram feitos, e as barras mostram a probabilidade de cada classe; Limpar o quadro recomeça. Abaixo, a galeria mostra os dígitos de teste que a rede erra, cada um com a legenda verdadeiro → lido e a sua probabilidade, página por página; clique em um para colocá-lo no quadro e ver as dez barras.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="130" />
        <source>Arrange the panels</source>
        <translation>Organize os painéis</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="131" />
        <source>The plots share the tabs under the canvas; F6, F7, F8 and F10 bring the panel they fill to the front. Drag the handles between panels to resize them. Panels are locked in place (View &gt; Lock panels); unlock them to drag a panel elsewhere or float it in a window of its own.</source>
        <translation>Os gráficos dividem as abas abaixo da tela; F6, F7, F8 e F10 trazem para a frente o painel que preenchem. Arraste as alças entre os painéis para redimensioná-los. Os painéis ficam travados no lugar (Exibir &gt; Travar painéis); destrave-os para arrastar um painel para outro lugar ou soltá-lo numa janela própria.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="73" />
        <source>Check and compare</source>
        <translation>Verifique e compare</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="79" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="80" />
        <source>F8 takes one gradient step, F9 trains continuously (F9 again pauses); one undo entry per step or run. A step follows the circuit: an output that is a loss node (mse, bce, cross-entropy, hinge) is lowered by moving weights and blocks; any other output is raised by the lecture's nudge, every input and weight moving by learning rate × gradient. The first line of the Training panel says what the next step will change; change the goal, what moves, the optimizer, learning rate and speed there. For a 2-D classifier such as the moons example, the Decision boundary panel redraws as it learns; click it to add a point of the class chosen with the coloured buttons beside it (Shift+click: the other of two classes); training uses the new point at once.</source>
        <translation>F8 dá um passo de gradiente, F9 treina continuamente (F9 de novo pausa); uma entrada de desfazer por passo ou por treino. Um passo segue o circuito: uma saída que é um nó de perda (mse, bce, entropia cruzada, hinge) é diminuída movendo pesos e blocos; qualquer outra saída é aumentada pelo ajuste da aula, cada entrada e peso se movendo em taxa de aprendizado × gradiente. A primeira linha do painel Treinamento diz o que o próximo passo vai mudar; mude ali o objetivo, o que se move, o otimizador, a taxa de aprendizado e a velocidade. Para um classificador 2-D como o exemplo das luas, o painel Fronteira de decisão se redesenha enquanto aprende; clique nele para adicionar um ponto da classe escolhida nos botões coloridos ao lado (Shift+clique: a outra de duas classes); o treino usa o novo ponto na hora.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="89" />
        <source>Stop, batch and test rows</source>
        <translation>Parada, lote e linhas de teste</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="90" />
        <source>In the Training panel, Stop when makes continuous training (F9) pause by itself: when the loss falls below a value, the accuracy rises above a percentage (on the test rows if any) or a number of steps is done. Batch size sets the rows per step (the rows are shuffled once per epoch, seeded); full batch uses every training row. Test share holds rows out of training (seeded): they are the triangles on the Decision boundary, and the Loss panel plots them beside the training rows.</source>
        <translation>No painel Treinamento, Parar quando faz o treino contínuo (F9) pausar sozinho: quando a perda cai abaixo de um valor, a acurácia sobe acima de uma porcentagem (nas linhas de teste, se houver) ou um número de passos é feito. Tamanho do lote define as linhas por passo (as linhas são embaralhadas uma vez por época, com semente); lote completo usa todas as linhas de treino. Parte de teste separa linhas do treino (com semente): elas são os triângulos na Fronteira de decisão, e o painel Perda as mostra ao lado das linhas de treino.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="96" />
        <source>Shape the data</source>
        <translation>Moldar os dados</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="97" />
        <source>Choose a dataset in the Training panel (moons, circles, blobs, xor, spiral, digits...). The Features buttons add x1², x2², x1·x2, sin x1 or sin x2 as a data column, with a data node that reads it: wire it into a neuron as TensorFlow Playground does (one neuron on x1² and x2² separates the circles). The features belong to the circuit: another 2-D dataset gets the same columns, computed from its own x1 and x2; a dataset without x1 and x2 (the digits) takes them out with their data nodes, the status bar says so and Undo brings them back.</source>
        <translation>Escolha um conjunto de dados no painel Treinamento (moons, circles, blobs, xor, spiral, digits...). Os botões de Atributos adicionam x1², x2², x1·x2, sin x1 ou sin x2 como uma coluna de dados, com um nó de dados que a lê: ligue-o a um neurônio como no TensorFlow Playground (um neurônio sobre x1² e x2² separa os círculos). Os atributos pertencem ao circuito: outro conjunto 2-D recebe as mesmas colunas, calculadas a partir do seu próprio x1 e x2; um conjunto sem x1 e x2 (os dígitos) os retira junto com seus nós de dados, a barra de status avisa e Desfazer os traz de volta.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="104" />
        <source>Look inside the network</source>
        <translation>Olhar dentro da rede</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="105" />
        <source>The Units tab draws each unit's output over the input plane as a small map, one row per layer (blue positive, orange negative); hover a map for the unit's formula with its numbers, click it to open it large in the Decision boundary panel (Back to the decision boundary returns). Hidden space places the data points by the outputs of two units of a layer you choose: watch the classes come apart as the network learns. View &gt; Optimizer state opens a window with every parameter's value, gradient, momentum or Adam's m and √v and step; a large block is one summary row, and clicking it opens its matrices as heat maps. View &gt; Confusion matrix counts, for all, training or test rows, how often each true class (rows) is predicted as each class (columns).</source>
        <translation>A aba Neurônios desenha a saída de cada neurônio sobre o plano de entrada como um pequeno mapa, uma linha por camada (azul positivo, laranja negativo); passe o mouse sobre um mapa para ver a fórmula do neurônio com seus números, clique para abri-lo grande no painel Fronteira de decisão (Voltar à fronteira de decisão retorna). Espaço oculto posiciona os pontos pelas saídas de dois neurônios de uma camada à sua escolha: veja as classes se separarem enquanto a rede aprende. Exibir &gt; Estado do otimizador abre uma janela com o valor, o gradiente, o momento ou o m e √v do Adam e o passo de cada parâmetro; um bloco grande é uma linha de resumo, e clicar nela abre suas matrizes como mapas de calor. Exibir &gt; Matriz de confusão conta, para todas as linhas, as de treino ou as de teste, quantas vezes cada classe verdadeira (linhas) é prevista como cada classe (colunas).</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="115" />
        <source>Digits</source>
        <translation>Dígitos</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="123" />
        <source>Go back in time</source>
        <translation>Voltar no tempo</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="124" />
        <source>Under the loss curve, the Time slider takes the whole app back to an earlier step of the training run: node values and gradients, the decision boundary, the unit maps and the other panels show the network as it was then (no undo entry). Now returns to the last step; training again also starts from there. Replay from the same start puts back the run's first weights and seed: change a setting (the learning rate, the optimizer) and train again to compare; the earlier loss curve stays dashed.</source>
        <translation>Sob a curva de perda, o controle deslizante Tempo leva o aplicativo inteiro de volta a um passo anterior do treino: valores e gradientes dos nós, a fronteira de decisão, os mapas dos neurônios e os outros painéis mostram a rede como ela era então (sem entrada de desfazer). Agora volta ao último passo; treinar de novo também parte dali. Repetir do mesmo início devolve os primeiros pesos e a semente do treino: mude um ajuste (a taxa de aprendizado, o otimizador) e treine de novo para comparar; a curva de perda anterior fica tracejada.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="135" />
        <source>Keep your work</source>
        <translation>Guarde seu trabalho</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="136" />
        <source>Ctrl+S saves the circuit as JSON; File &gt; Export writes a PNG or SVG picture, Graphviz DOT, or a Python or PyTorch script that reproduces every number. Your work is autosaved and offered back after a crash.</source>
        <translation>Ctrl+S salva o circuito em JSON; Arquivo &gt; Exportar grava uma imagem PNG ou SVG, Graphviz DOT, ou um script Python ou PyTorch que reproduz cada número. Seu trabalho é salvo automaticamente e oferecido de volta após uma falha.</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialogs.py" line="141" />
        <source>How to use Backprop Playground</source>
        <translation>Como usar o Backprop Playground</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../gui/inspector.py" line="79" />
        <source>(input {port} not wired)</source>
        <translation>(entrada {port} não ligada)</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="81" />
        <source>(through input {port})</source>
        <translation>(pela entrada {port})</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="113" />
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="113" />
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="113" />
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="129" />
        <source>Label</source>
        <translation>Rótulo</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="130" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="165" />
        <source>Not computed: it {why}.</source>
        <translation>Não calculado: {why}.</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="167" />
        <source>Not computed: {why}.</source>
        <translation>Não calculado: {why}.</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="243" />
        <source>Select a node to see what it computes and edit it.</source>
        <translation>Selecione um nó para ver o que ele calcula e editá-lo.</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="257" />
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="260" />
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="262" />
        <source>{n} inputs</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="263" />
        <source>{nin} inputs -&gt; {nout} units</source>
        <translation>{nin} entradas -&gt; {nout} unidades</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="265" />
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="294" />
        <source>The edit was refused.</source>
        <translation>A edição foi recusada.</translation>
    </message>
    <message>
        <location filename="../../gui/inspector.py" line="330" />
        <source>This change would leave a circuit that cannot run: {why}</source>
        <translation>Esta mudança deixaria um circuito que não pode rodar: {why}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../gui/lessons/panel.py" line="67" />
        <source>Eleven lessons from the micrograd lecture and the hacker's guide. Each one loads its circuit, asks you to predict and to act, and checks.</source>
        <translation>Onze lições da aula do micrograd e do guia do hacker. Cada uma carrega seu circuito, pede que você preveja e aja, e confere.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="73" />
        <source>Start lesson</source>
        <translation>Começar a lição</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="88" />
        <source>All lessons</source>
        <translation>Todas as lições</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="89" />
        <source>Back to the list of lessons (your progress is kept)</source>
        <translation>Voltar à lista de lições (seu progresso fica guardado)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="98" />
        <source>Type your answer, e.g. -2</source>
        <translation>Digite sua resposta, por exemplo -2</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="105" />
        <source>Check</source>
        <translation>Conferir</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="115" />
        <source>Hint</source>
        <translation>Dica</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="116" />
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="117" />
        <location filename="../../gui/lessons/panel.py" line="203" />
        <source>Next</source>
        <translation>Próximo</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="159" />
        <source>This step has no hint.</source>
        <translation>Este passo não tem dica.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="189" />
        <source>Step {i} of {n}</source>
        <translation>Passo {i} de {n}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="203" />
        <source>Finish</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="217" />
        <source>type your answer below and press Enter.</source>
        <translation>digite sua resposta abaixo e aperte Enter.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="219" />
        <source>pick one answer and press Check.</source>
        <translation>escolha uma resposta e aperte Conferir.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="221" />
        <source>wire it on the canvas from the palette; the app compares what your circuit computes with the target at random points, whatever the layout or the labels.</source>
        <translation>monte-o na tela a partir da paleta; o app compara o que o seu circuito calcula com o alvo em pontos aleatórios, qualquer que seja o arranjo ou os rótulos.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="226" />
        <source>What to do:</source>
        <translation>O que fazer:</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="230" />
        <source>with the bug</source>
        <translation>com o erro</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="230" />
        <source>fixed</source>
        <translation>corrigido</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="232" />
        <source>Hint:</source>
        <translation>Dica:</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="258" />
        <source>Lesson complete. Press Finish.</source>
        <translation>Lição concluída. Aperte Concluir.</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="36" />
        <source>Lesson</source>
        <translation>Lição</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="90" />
        <source>&amp;Lessons</source>
        <translation>&amp;Lições</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="101" />
        <source>Lesson list</source>
        <translation>Lista de lições</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="102" />
        <source>Restart lesson</source>
        <translation>Recomeçar a lição</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="104" />
        <source>Show the lesson list at start</source>
        <translation>Mostrar a lista de lições ao abrir</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="130" />
        <source>Learn backpropagation</source>
        <translation>Aprenda retropropagação</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="132" />
        <source>Welcome! Start with lesson 1, or pick any lesson: each loads its circuit, asks you to predict and to act, and checks your answers. Your progress is kept.</source>
        <translation>Bem-vindo! Comece pela lição 1 ou escolha qualquer lição: cada uma carrega seu circuito, pede que você preveja e aja, e confere suas respostas. Seu progresso fica guardado.</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="145" />
        <source>Don't show this at start again</source>
        <translation>Não mostrar isto ao abrir de novo</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="148" />
        <source>Start lesson</source>
        <translation>Começar a lição</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/__init__.py" line="149" />
        <source>Just the playground</source>
        <translation>Só o playground</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/course.py" line="223" />
        <source>({done} of {total})</source>
        <translation>({done} de {total})</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="294" />
        <source>loss at start</source>
        <translation>perda no início</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="295" />
        <source>highest loss after that</source>
        <translation>maior perda depois disso</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="296" />
        <source>loss after 30 steps</source>
        <translation>perda após 30 passos</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="297" />
        <source>loss after 20 steps</source>
        <translation>perda após 20 passos</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="298" />
        <source>loss</source>
        <translation>perda</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="299" />
        <source>steps</source>
        <translation>passos</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="300" />
        <source>first bad node</source>
        <translation>primeiro nó com problema</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/panel.py" line="301" />
        <source>max |hidden gradient|</source>
        <translation>máx. |gradiente oculto|</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../gui/playground/plots.py" line="230" />
        <location filename="../../gui/playground/plots.py" line="271" />
        <source>Loss over steps</source>
        <translation>Perda ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="231" />
        <location filename="../../gui/playground/plots.py" line="235" />
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="234" />
        <source>Accuracy over steps</source>
        <translation>Acurácia ao longo dos passos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="271" />
        <source>Output over steps (maximised)</source>
        <translation>Saída ao longo dos passos (maximizada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="318" />
        <location filename="../../gui/playground/plots.py" line="324" />
        <source>train</source>
        <translation>treino</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="318" />
        <location filename="../../gui/playground/plots.py" line="324" />
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location filename="../../gui/playground/plots.py" line="320" />
        <source>this run</source>
        <translation>este treino</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="60" />
        <source>train loss {v:.5g}</source>
        <translation>perda de treino {v:.5g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="63" />
        <source>test loss {v:.5g}</source>
        <translation>perda de teste {v:.5g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="65" />
        <source>train accuracy {a:.1%}</source>
        <translation>acurácia de treino {a:.1%}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="66" />
        <source>accuracy {a:.1%}</source>
        <translation>acurácia {a:.1%}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="69" />
        <source>test accuracy {a:.1%}</source>
        <translation>acurácia de teste {a:.1%}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="71" />
        <source>earlier run {v:.6g}</source>
        <translation>treino anterior {v:.6g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/loss_curves.py" line="74" />
        <source>step {k}</source>
        <translation>passo {k}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="60" />
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106" />
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107" />
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108" />
        <source>Open Recent</source>
        <translation>Abrir recentes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110" />
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114" />
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115" />
        <source>Save As…</source>
        <translation>Salvar como…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>Export image (PNG)…</source>
        <translation>Exportar imagem (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118" />
        <source>Export image (SVG)…</source>
        <translation>Exportar imagem (SVG)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120" />
        <source>Export {what}…</source>
        <translation>Exportar {what}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122" />
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124" />
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126" />
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130" />
        <source>Cut</source>
        <translation>Recortar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132" />
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="133" />
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134" />
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="135" />
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137" />
        <source>Expand neuron into scalar nodes</source>
        <translation>Expandir o neurônio em nós escalares</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138" />
        <source>Collapse into a neuron</source>
        <translation>Recolher em um neurônio</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140" />
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141" />
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142" />
        <source>Zoom In</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143" />
        <source>Zoom Out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144" />
        <source>Fit</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145" />
        <source>Auto layout</source>
        <translation>Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146" />
        <source>Light theme</source>
        <translation>Tema claro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="147" />
        <source>Dark theme</source>
        <translation>Tema escuro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="148" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151" />
        <source>Panels</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152" />
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153" />
        <source>How to…</source>
        <translation>Como usar…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="154" />
        <source>About Backprop Playground</source>
        <translation>Sobre o Backprop Playground</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="155" />
        <source>Build</source>
        <translation>Construir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178" />
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179" />
        <source>Save the changes to this circuit first?</source>
        <translation>Salvar as alterações deste circuito antes?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198" />
        <source>Cannot show {name}</source>
        <translation>Não foi possível mostrar {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198" />
        <source>the circuit</source>
        <translation>o circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199" />
        <source>The circuit could not be evaluated: {e}</source>
        <translation>Não foi possível avaliar o circuito: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220" />
        <source>Cannot open {name}</source>
        <translation>Não foi possível abrir {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="269" />
        <source>Cannot restore</source>
        <translation>Não foi possível restaurar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="270" />
        <source>The autosaved copy stays in {path}.</source>
        <translation>A cópia salva automaticamente continua em {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278" />
        <source>Restored the work autosaved at {when}</source>
        <translation>Restaurado o trabalho salvo automaticamente às {when}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="283" />
        <source>never saved</source>
        <translation>nunca salvo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="284" />
        <source>Backprop Playground closed without saving “{name}” ({where}); it was autosaved at {when}.</source>
        <translation>O Backprop Playground fechou sem salvar “{name}” ({where}); o salvamento automático foi feito às {when}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="286" />
        <source>Yes: open it again, with the changes still unsaved.</source>
        <translation>Sim: abrir de novo, com as alterações ainda não salvas.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="287" />
        <source>No: discard the autosaved copy for good.</source>
        <translation>Não: descartar de vez a cópia salva automaticamente.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="288" />
        <source>Restore unsaved work?</source>
        <translation>Restaurar o trabalho não salvo?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="293" />
        <source>Open circuit</source>
        <translation>Abrir circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="293" />
        <location filename="../../gui/main_window.py" line="313" />
        <source>Circuits (*.json)</source>
        <translation>Circuitos (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="303" />
        <source>Cannot save</source>
        <translation>Não foi possível salvar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="312" />
        <source>Save circuit</source>
        <translation>Salvar circuito</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="324" />
        <source>Export image</source>
        <translation>Exportar imagem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="331" />
        <location filename="../../gui/main_window.py" line="340" />
        <location filename="../../gui/main_window.py" line="350" />
        <source>Cannot export</source>
        <translation>Não foi possível exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="333" />
        <source>Saved {path}</source>
        <translation>Salvo em {path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="343" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="285" />
        <location filename="../../gui/main_window.py" line="370" />
        <source>untitled</source>
        <translation>sem título</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="160" />
        <source>Autosave failed: {e}</source>
        <translation>O salvamento automático falhou: {e}</translation>
    </message>
</context>
<context>
    <name>MatrixDialog</name>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="218" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="218" />
        <source>Gradient</source>
        <translation>Gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="218" />
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="219" />
        <source>Adam m</source>
        <translation>m do Adam</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="219" />
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="224" />
        <source>row (unit)</source>
        <translation>linha (unidade)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="225" />
        <source>column (input)</source>
        <translation>coluna (entrada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="263" />
        <source>{rows}×{cols}, step {k}; hover a cell for its number</source>
        <translation>{rows}×{cols}, passo {k}; passe o mouse numa célula para ver o número</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="51" />
        <source>waits for {label}</source>
        <translation>espera por {label}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="52" />
        <source>waits for {label}, which {needs}</source>
        <translation>espera por {label}, que {needs}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="57" />
        <source>needs inputs {ports}</source>
        <translation>precisa das entradas {ports}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="58" />
        <source>needs input {ports}</source>
        <translation>precisa da entrada {ports}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="62" />
        <source>{name} has no {column}</source>
        <translation>{name} não tem {column}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="64" />
        <source>{name} has no column {column}: it has {has}, y and X</source>
        <translation>{name} não tem a coluna {column}: tem {has}, y e X</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="68" />
        <source>no dataset</source>
        <translation>sem conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="69" />
        <source>no dataset: choose one in the Training panel</source>
        <translation>sem conjunto de dados: escolha um no painel Treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="292" />
        <source>data</source>
        <translation>dado</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="293" />
        <source>grad</source>
        <translation>grad</translation>
    </message>
</context>
<context>
    <name>NodeKind</name>
    <message>
        <location filename="../../gui/i18n.py" line="45" />
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="46" />
        <source>weight</source>
        <translation>peso</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="47" />
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="48" />
        <source>data</source>
        <translation>dado</translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="117" />
        <source>Parameter</source>
        <translation>Parâmetro</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="117" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="117" />
        <source>Gradient</source>
        <translation>Gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="117" />
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="118" />
        <source>Adam m</source>
        <translation>m do Adam</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="118" />
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="157" />
        <source>The optimizer's state appears after the first gradient step (F8) or while training (F9): each parameter's value, gradient, momentum buffer, Adam's m and √v, and the step it last took.</source>
        <translation>O estado do otimizador aparece depois do primeiro passo de gradiente (F8) ou durante o treino (F9): o valor de cada parâmetro, o gradiente, o buffer de momento, o m e a √v do Adam e o último passo dado.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="167" />
        <source>one entry listed</source>
        <translation>uma entrada listada</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="167" />
        <source>{n} entries listed</source>
        <translation>{n} entradas listadas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="171" />
        <source>{entries}, one large block summarised (click it for its full matrix)</source>
        <translation>{entries}, um bloco grande resumido (clique nele para ver a matriz inteira)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="173" />
        <source>{entries}, {b} large blocks summarised (click one for its full matrix)</source>
        <translation>{entries}, {b} blocos grandes resumidos (clique num deles para ver a matriz inteira)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="178" />
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="178" />
        <source>SGD with momentum</source>
        <translation>SGD com momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="181" />
        <source>{opt}, step {k}, learning rate {lr:g}: {listed}. Step is the change the last update made.</source>
        <translation>{opt}, passo {k}, taxa de aprendizado {lr:g}: {listed}. Passo é a mudança feita pela última atualização.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="187" />
        <source>{opt} at step {k} of {last} (the timeline), learning rate {lr:g}: {listed}. Step is the change that step's update made.</source>
        <translation>{opt} no passo {k} de {last} (a linha do tempo), taxa de aprendizado {lr:g}: {listed}. Passo é a mudança feita pela atualização daquele passo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="184" />
        <source>{opt} at step {k} of {last}: too far back, the optimizer's state is kept from step {first} on. Shown: the parameters of that step (stored in float32), no gradients or buffers.</source>
        <translation>{opt} no passo {k} de {last}: longe demais no passado, o estado do otimizador é guardado a partir do passo {first}. Mostrados: os parâmetros daquele passo (guardados em float32), sem gradientes nem buffers.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="191" />
        <source>The circuit changed since that step: these numbers are rebuilt approximately.</source>
        <translation>O circuito mudou desde aquele passo: estes números são reconstruídos de forma aproximada.</translation>
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
        <location filename="../../gui/playground/controller.py" line="68" />
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="69" />
        <source>Backward</source>
        <translation>Backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="70" />
        <source>Zero grad</source>
        <translation>Zerar gradientes</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="71" />
        <source>Step backward</source>
        <translation>Passo para trás</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="72" />
        <source>Step back</source>
        <translation>Voltar um passo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="73" />
        <source>Run to end</source>
        <translation>Ir até o fim</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="74" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="75" />
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="76" />
        <source>Gradient step</source>
        <translation>Passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="77" />
        <location filename="../../gui/playground/controller.py" line="240" />
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="84" />
        <source>Auto backward</source>
        <translation>Backward automático</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="144" />
        <source>Backpropagation is complete: every gradient is known.</source>
        <translation>A retropropagação terminou: todos os gradientes são conhecidos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="197" />
        <source>Gradient check: {n} rows, {bad} mismatches</source>
        <translation>Verificação do gradiente: {n} linhas, {bad} divergências</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="224" />
        <source>gradient step</source>
        <translation>passo de gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="243" />
        <source>training</source>
        <translation>treinamento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="247" />
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="260" />
        <source>Training stopped: the loss {v:.4g} is below {b:g}.</source>
        <translation>Treino parado: a perda {v:.4g} está abaixo de {b:g}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="263" />
        <source>Training stopped: the accuracy {a:.1%} is above {b:.1%}.</source>
        <translation>Treino parado: a acurácia {a:.1%} está acima de {b:.1%}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controller.py" line="264" />
        <source>Training stopped: {n} steps done.</source>
        <translation>Treino parado: {n} passos feitos.</translation>
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
    <name>StateModel</name>
    <message>
        <location filename="../../gui/playground/optimizer_panel.py" line="84" />
        <source>Summary of a large block: L2 norm [min, max] of each quantity. Click the row for the full matrices.</source>
        <translation>Resumo de um bloco grande: norma L2 [mín, máx] de cada grandeza. Clique na linha para ver as matrizes inteiras.</translation>
    </message>
</context>
<context>
    <name>StrategiesPanel</name>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="37" />
        <source>Random search</source>
        <translation>Busca aleatória</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="38" />
        <source>Random local search</source>
        <translation>Busca aleatória local</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="39" />
        <source>Numerical gradient</source>
        <translation>Gradiente numérico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="40" />
        <source>Analytic gradient</source>
        <translation>Gradiente analítico</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="41" />
        <source>Run the four strategies (100 steps each)</source>
        <translation>Executar as quatro estratégias (100 passos cada)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="42" />
        <source>Each strategy tries to raise the circuit's output from its current values; the circuit itself is not changed.</source>
        <translation>Cada estratégia tenta aumentar a saída do circuito a partir dos valores atuais; o próprio circuito não é alterado.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="56" />
        <source>circuit passes spent</source>
        <translation>passagens pelo circuito gastas</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="76" />
        <source>The hacker's guide's question: how should the inputs change to make the output bigger? Run the four strategies to compare what each tries, what it costs and where it gets.</source>
        <translation>A pergunta do hacker's guide: como as entradas devem mudar para a saída aumentar? Execute as quatro estratégias para comparar o que cada uma tenta, quanto custa e aonde chega.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="85" />
        <source>The strategies treat every input and weight as a knob; this circuit has {n} (at most {m}): try them on a small circuit such as the multiply gate.</source>
        <translation>As estratégias tratam cada entrada e peso como um botão de ajuste; este circuito tem {n} (no máximo {m}): experimente-as num circuito pequeno, como a porta de multiplicação.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="100" />
        <source>{e} + {b} backward</source>
        <translation>{e} + {b} backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="105" />
        <source>{e} evaluations + {b} backward passes</source>
        <translation>{e} avaliações + {b} passagens backward</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="106" />
        <source>{e} evaluations</source>
        <translation>{e} avaliações</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="114" />
        <source>Strategy</source>
        <translation>Estratégia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="114" />
        <source>Output reached</source>
        <translation>Saída alcançada</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="57" />
        <location filename="../../gui/playground/strategies_panel.py" line="157" />
        <source>best output</source>
        <translation>melhor saída</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="115" />
        <source>Circuit passes</source>
        <translation>Passagens pelo circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="129" />
        <source>Start: {start}, output {out}.</source>
        <translation>Início: {start}, saída {out}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="130" />
        <source>&lt;b&gt;Random search&lt;/b&gt; tried {s} random points anywhere in the sliders' ranges ({ranges}) and kept the best one: {out} at {at}, for {cost}. It never learns which way is up: it is lucky with {n} inputs in a small box and hopeless with thousands.</source>
        <translation>&lt;b&gt;Busca aleatória&lt;/b&gt; tentou {s} pontos aleatórios em qualquer lugar das faixas dos controles deslizantes ({ranges}) e ficou com o melhor: {out} em {at}, por {cost}. Ela nunca aprende para que lado é para cima: tem sorte com {n} entradas numa caixa pequena e não tem chance com milhares.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="134" />
        <source>&lt;b&gt;Random local search&lt;/b&gt; tried {s} small random moves (at most ±{step} per input) from the best point so far and kept a move only when the output rose: {out}, for {cost}. Many of its tries go the wrong way and are thrown away.</source>
        <translation>&lt;b&gt;Busca aleatória local&lt;/b&gt; tentou {s} pequenos movimentos aleatórios (no máximo ±{step} por entrada) a partir do melhor ponto até então e só manteve um movimento quando a saída subiu: {out}, por {cost}. Muitas tentativas vão para o lado errado e são descartadas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="138" />
        <source>&lt;b&gt;Numerical gradient&lt;/b&gt; nudged each input by h = {h} to measure the output's slope along it ({n} evaluations per step), then moved every input {step} × its slope: {out}, for {cost}. It knows which way to go, but pays one evaluation per input.</source>
        <translation>&lt;b&gt;Gradiente numérico&lt;/b&gt; empurrou cada entrada em h = {h} para medir a inclinação da saída nessa direção ({n} avaliações por passo) e depois moveu cada entrada {step} × a sua inclinação: {out}, por {cost}. Ele sabe para que lado ir, mas paga uma avaliação por entrada.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="142" />
        <source>&lt;b&gt;Analytic gradient&lt;/b&gt; got every slope at once from one backward pass (the chain rule), then moved every input {step} × its gradient: {out}, for {cost}. The same steps as the numerical gradient, but one backward pass gives all the slopes, whatever the number of inputs.</source>
        <translation>&lt;b&gt;Gradiente analítico&lt;/b&gt; obteve todas as inclinações de uma vez com uma passagem backward (a regra da cadeia) e depois moveu cada entrada {step} × o seu gradiente: {out}, por {cost}. Os mesmos passos do gradiente numérico, mas uma passagem backward dá todas as inclinações, qualquer que seja o número de entradas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="146" />
        <source>Only the two gradient methods tell which way to go: at the start {slope}, so each input moves the way its slope points. The random methods only compare outputs; a high random-search number says nothing about how to improve the point you are at.</source>
        <translation>Só os dois métodos de gradiente dizem para que lado ir: no início {slope}, então cada entrada se move para onde aponta a sua inclinação. Os métodos aleatórios só comparam saídas; um número alto da busca aleatória não diz nada sobre como melhorar o ponto onde você está.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/strategies_panel.py" line="156" />
        <source>best output, sign × log10(1 + |y|)</source>
        <translation>melhor saída, sinal × log10(1 + |y|)</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../gui/playground/timeline.py" line="42" />
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="44" />
        <source>Drag to see the network as it was at an earlier step (no undo entry)</source>
        <translation>Arraste para ver a rede como era num passo anterior (sem entrada de desfazer)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="46" />
        <source>Now</source>
        <translation>Agora</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="47" />
        <source>Back to the weights the run has now</source>
        <translation>De volta aos pesos que o treino tem agora</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="48" />
        <source>Replay from the same start</source>
        <translation>Repetir do mesmo início</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="49" />
        <source>Reset to this run's initial weights and seed; train again with other settings and compare the two loss curves</source>
        <translation>Volta aos pesos iniciais e à semente deste treino; treine de novo com outros ajustes e compare as duas curvas de perda</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="86" />
        <source>step {k} (now)</source>
        <translation>passo {k} (agora)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="88" />
        <source>step {k} of {n}</source>
        <translation>passo {k} de {n}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="114" />
        <source>earlier run: {opt}, lr {lr:g}</source>
        <translation>treino anterior: {opt}, taxa {lr:g}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="147" />
        <source>The weights were edited after this run: train to start a new timeline.</source>
        <translation>Os pesos foram editados depois deste treino: treine para começar uma nova linha do tempo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="160" />
        <source>Every panel shows step {k} of {n}: Now, or training, returns to the last step.</source>
        <translation>Todos os painéis mostram o passo {k} de {n}: Agora, ou treinar, volta ao último passo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="196" />
        <source>A node of that run was removed: it cannot be replayed.</source>
        <translation>Um nó daquele treino foi removido: ele não pode ser repetido.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="200" />
        <location filename="../../gui/playground/timeline.py" line="201" />
        <source>replay from the same start</source>
        <translation>repetir do mesmo início</translation>
    </message>
    <message>
        <location filename="../../gui/playground/timeline.py" line="211" />
        <source>Back at the run's first weights: change the settings and train; the earlier loss curve stays dashed.</source>
        <translation>De volta aos primeiros pesos do treino: mude os ajustes e treine; a curva de perda anterior fica tracejada.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="37" />
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="37" />
        <source>SGD with momentum</source>
        <translation>SGD com momento</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="44" />
        <location filename="../../gui/playground/training_panel.py" line="50" />
        <source>Follow the circuit</source>
        <translation>Seguir o circuito</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="45" />
        <source>Lower the output (minimise)</source>
        <translation>Diminuir a saída (minimizar)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="46" />
        <source>Raise the output (maximise)</source>
        <translation>Aumentar a saída (maximizar)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="47" />
        <source>Follow the circuit: a loss node (mse, bce, cross-entropy, hinge) is lowered; any other output is raised, as in the lecture.</source>
        <translation>Seguir o circuito: um nó de perda (mse, bce, entropia cruzada, hinge) é diminuído; qualquer outra saída é aumentada, como na aula.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="51" />
        <source>Weights and blocks</source>
        <translation>Pesos e blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="52" />
        <source>Inputs, weights and blocks</source>
        <translation>Entradas, pesos e blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="53" />
        <source>Follow the circuit: a loss is lowered by moving weights and blocks only; any other circuit nudges every input and weight too, as the lecture does with a.data += 0.01 * a.grad.</source>
        <translation>Seguir o circuito: uma perda é diminuída movendo só pesos e blocos; qualquer outro circuito ajusta também cada entrada e peso, como a aula faz com a.data += 0.01 * a.grad.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="58" />
        <source> steps/s</source>
        <translation> passos/s</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="62" />
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="62" />
        <source>loss below</source>
        <translation>perda abaixo de</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="63" />
        <source>accuracy above</source>
        <translation>acurácia acima de</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="63" />
        <source>steps done</source>
        <translation>passos feitos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="65" />
        <source>Training on the timer (F9) pauses by itself when this is reached: the loss below a value, the accuracy (on the test rows if any) above a percentage, or a number of steps of this run.</source>
        <translation>O treino no temporizador (F9) pausa sozinho quando isto é atingido: a perda abaixo de um valor, a acurácia (nas linhas de teste, se houver) acima de uma porcentagem, ou um número de passos desta execução.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="74" />
        <source>full batch</source>
        <translation>lote inteiro</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="75" />
        <source>Rows per gradient step; the training rows are shuffled once per epoch (seeded). Full batch: every training row in each step.</source>
        <translation>Linhas por passo de gradiente; as linhas de treino são embaralhadas uma vez por época (com semente). Lote inteiro: todas as linhas de treino em cada passo.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="81" />
        <source>Rows held out of training (seeded); the loss and accuracy plots show their loss and accuracy dashed.</source>
        <translation>Linhas deixadas fora do treino (com semente); os gráficos de perda e de acurácia mostram a perda e a acurácia delas tracejadas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="84" />
        <location filename="../../gui/playground/training_panel.py" line="196" />
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="90" />
        <source>batch mean</source>
        <translation>média do lote</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="95" />
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="96" />
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="97" />
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="98" />
        <source>What moves</source>
        <translation>O que se move</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="99" />
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="103" />
        <source>Stop when</source>
        <translation>Parar quando</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="104" />
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="105" />
        <source>Test share</source>
        <translation>Parte de teste</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="106" />
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="108" />
        <source>Features</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="109" />
        <source>Shown sample</source>
        <translation>Amostra exibida</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="110" />
        <source>Accuracy</source>
        <translation>Acurácia</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="192" />
        <source>choose dataset</source>
        <translation>escolher conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="195" />
        <source>{name} has no x1, x2 to compute {features} from: they were taken out with their data nodes</source>
        <translation>{name} não tem x1, x2 para calcular {features}: eles foram retirados com seus nós de dados</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="199" />
        <source>Undo (Ctrl+Z) puts the old ones back.</source>
        <translation>Desfazer (Ctrl+Z) traz os anteriores de volta.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="209" />
        <source>softmax cross-entropy</source>
        <translation>entropia cruzada softmax</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="211" />
        <source>{name} labels its points {values}, which a {loss} loss does not read as classes (hinge: -1/+1, BCE: 0/1, cross-entropy: 0, 1, 2...)</source>
        <translation>{name} rotula seus pontos com {values}, que uma perda {loss} não lê como classes (hinge: -1/+1, BCE: 0/1, entropia cruzada: 0, 1, 2...)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="213" />
        <source>{name} has {n} classes but a {loss} loss separates two: use a softmax cross-entropy with one logit per class</source>
        <translation>{name} tem {n} classes, mas uma perda {loss} separa duas: use uma entropia cruzada softmax com um logit por classe</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="205" />
        <source>{layer} now reads the {n} columns of {name} (new weights)</source>
        <translation>{layer} agora lê as {n} colunas de {name} (pesos novos)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="208" />
        <source>{layer} now gives {n} logits, one per class (new weights)</source>
        <translation>{layer} agora dá {n} logits, um por classe (pesos novos)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="238" />
        <source>Next step: none (the circuit needs exactly one output).</source>
        <translation>Próximo passo: nenhum (o circuito precisa de exatamente uma saída).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="240" />
        <source>inputs, weights or blocks</source>
        <translation>entradas, pesos ou blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="240" />
        <source>weights or blocks</source>
        <translation>pesos ou blocos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="241" />
        <source>Next step: nothing to move (the circuit has no {what}).</source>
        <translation>Próximo passo: nada a mover (o circuito não tem {what}).</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="244" />
        <source>{names} and {n} more</source>
        <translation>{names} e mais {n}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="247" />
        <source>Next step: nudges {names} by {lr} × gradient to raise {root}.</source>
        <translation>Próximo passo: ajusta {names} em {lr} × gradiente para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="249" />
        <source>Next step: moves {names} by −{lr} × gradient to lower {root}.</source>
        <translation>Próximo passo: move {names} em −{lr} × gradiente para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="251" />
        <source>Next step: moves {names} with momentum {mu} (learning rate {lr}) to raise {root}.</source>
        <translation>Próximo passo: move {names} com momento {mu} (taxa de aprendizado {lr}) para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="253" />
        <source>Next step: moves {names} with momentum {mu} (learning rate {lr}) to lower {root}.</source>
        <translation>Próximo passo: move {names} com momento {mu} (taxa de aprendizado {lr}) para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="255" />
        <source>Next step: moves {names} with Adam (learning rate {lr}) to raise {root}.</source>
        <translation>Próximo passo: move {names} com Adam (taxa de aprendizado {lr}) para aumentar {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="256" />
        <source>Next step: moves {names} with Adam (learning rate {lr}) to lower {root}.</source>
        <translation>Próximo passo: move {names} com Adam (taxa de aprendizado {lr}) para diminuir {root}.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="262" />
        <source>Goal and what moves are set in this panel.</source>
        <translation>O objetivo e o que se move estão definidos neste painel.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="264" />
        <source>{root} is a loss node, so by default a step lowers it by moving weights and blocks.</source>
        <translation>{root} é um nó de perda, então por padrão um passo o diminui movendo pesos e blocos.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_panel.py" line="266" />
        <source>{root} is not a loss node, so by default a step is the lecture's nudge: every input and weight moves along its gradient to raise {root}.</source>
        <translation>{root} não é um nó de perda, então por padrão um passo é o ajuste da aula: cada entrada e peso se move na direção do seu gradiente para aumentar {root}.</translation>
    </message>
</context>
<context>
    <name>UnitView</name>
    <message>
        <location filename="../../gui/playground/unit_view.py" line="26" />
        <source>Back to the decision boundary</source>
        <translation>Voltar à fronteira de decisão</translation>
    </message>
    <message>
        <location filename="../../gui/playground/unit_view.py" line="68" />
        <source>(blue: output above 0, orange: below; the black line is where the activation turns)</source>
        <translation>(azul: saída acima de 0, laranja: abaixo; a linha preta é onde a ativação muda)</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="86" />
        <source>The layer whose outputs place the points</source>
        <translation>A camada cujas saídas posicionam os pontos</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="87" />
        <source>The unit on the horizontal axis</source>
        <translation>O neurônio no eixo horizontal</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="88" />
        <source>The unit on the vertical axis</source>
        <translation>O neurônio no eixo vertical</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="96" />
        <source>Hidden space</source>
        <translation>Espaço oculto</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="116" />
        <source>Unit maps appear for a network of neuron or dense blocks that classifies a 2-D dataset, such as the moons example.</source>
        <translation>Os mapas dos neurônios aparecem para uma rede de blocos neurônio ou densos que classifica um conjunto de dados 2-D, como o exemplo das luas.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="134" />
        <source>Each square is one unit's output over the input plane (blue positive, orange negative). Hover for its formula; click to open it large.</source>
        <translation>Cada quadrado é a saída de um neurônio sobre o plano de entrada (azul positivo, laranja negativo). Passe o mouse para ver a fórmula; clique para abri-lo em tamanho grande.</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="236" />
        <source>{n} weights from {lo:.3g} to {hi:.3g}; bias: {bias:.4g}; activation: {act}</source>
        <translation>{n} pesos de {lo:.3g} a {hi:.3g}; viés: {bias:.4g}; ativação: {act}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="240" />
        <source>weights: {weights}</source>
        <translation>pesos: {weights}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/units_panel.py" line="241" />
        <source>bias: {bias:.4g}; activation: {act}</source>
        <translation>viés: {bias:.4g}; ativação: {act}</translation>
    </message>
</context>
<context>
    <name>ValueSliderPanel</name>
    <message>
        <location filename="../../gui/slider_panel.py" line="67" />
        <location filename="../../gui/slider_panel.py" line="111" />
        <source>Select an input or a weight to nudge it.</source>
        <translation>Selecione uma entrada ou um peso para ajustá-lo.</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="78" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="80" />
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="81" />
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="82" />
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../../gui/slider_panel.py" line="117" />
        <source>{label} ({kind})</source>
        <translation>{label} ({kind})</translation>
    </message>
</context>
<context>
    <name>WiringMixin</name>
    <message>
        <location filename="../../gui/canvas/wiring.py" line="45" />
        <source>wire an output (right side) to an input (left side)</source>
        <translation>ligue uma saída (lado direito) a uma entrada (lado esquerdo)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/wiring.py" line="89" />
        <source>This wire would leave a circuit that cannot run: {why}</source>
        <translation>Este fio deixaria um circuito que não pode rodar: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/wiring.py" line="95" />
        <source>{block} now reads {n} inputs (new weights)</source>
        <translation>{block} agora lê {n} entradas (pesos novos)</translation>
    </message>
</context>
<context><name>Palette</name><message><source>Input</source><translation>Entrada</translation></message><message><source>Weight</source><translation>Peso</translation></message><message><source>Constant</source><translation>Constante</translation></message><message><source>Data column</source><translation>Coluna de dados</translation></message><message><source>Neuron</source><translation>Neurônio</translation></message><message><source>Dense layer</source><translation>Camada densa</translation></message><message><source>Output</source><translation>Saída</translation></message><message><source>Values</source><translation>Valores</translation></message><message><source>Arithmetic</source><translation>Aritmética</translation></message><message><source>Functions</source><translation>Funções</translation></message><message><source>Activations</source><translation>Ativações</translation></message><message><source>Tensor</source><translation>Tensor</translation></message><message><source>Losses</source><translation>Perdas</translation></message><message><source>Blocks</source><translation>Blocos</translation></message><message><source>Add</source><translation>Somar</translation></message><message><source>Subtract</source><translation>Subtrair</translation></message><message><source>Multiply</source><translation>Multiplicar</translation></message><message><source>Divide</source><translation>Dividir</translation></message><message><source>Negate</source><translation>Negar</translation></message><message><source>Power</source><translation>Potência</translation></message><message><source>Power (constant k)</source><translation>Potência (k constante)</translation></message><message><source>Square</source><translation>Quadrado</translation></message><message><source>Maximum</source><translation>Máximo</translation></message><message><source>Exponential</source><translation>Exponencial</translation></message><message><source>Logarithm</source><translation>Logaritmo</translation></message><message><source>Sine</source><translation>Seno</translation></message><message><source>Cosine</source><translation>Cosseno</translation></message><message><source>Absolute value</source><translation>Valor absoluto</translation></message><message><source>Tanh</source><translation>Tanh</translation></message><message><source>Sigmoid</source><translation>Sigmoide</translation></message><message><source>ReLU</source><translation>ReLU</translation></message><message><source>Matrix product</source><translation>Produto de matrizes</translation></message><message><source>Sum</source><translation>Soma</translation></message><message><source>Mean</source><translation>Média</translation></message><message><source>Reshape</source><translation>Redimensionar</translation></message><message><source>Transpose</source><translation>Transpor</translation></message><message><source>Softmax</source><translation>Softmax</translation></message><message><source>Mean squared error</source><translation>Erro quadrático médio</translation></message><message><source>Binary cross-entropy</source><translation>Entropia cruzada binária</translation></message><message><source>BCE with logits</source><translation>BCE com logits</translation></message><message><source>Softmax cross-entropy</source><translation>Entropia cruzada softmax</translation></message><message><source>Hinge loss</source><translation>Perda hinge</translation></message><message><source>inputs</source><translation>entradas</translation></message></context><context><name>kinds</name><message><source>A named number you nudge with a slider; not trained.</source><translation>Um número com nome que você ajusta com um controle deslizante; não é treinado.</translation></message><message><source>A trainable parameter: gradient steps change it.</source><translation>Um parâmetro treinável: os passos de gradiente o alteram.</translation></message><message><source>A fixed number.</source><translation>Um número fixo.</translation></message><message><source>One column of the circuit's dataset: the circuit runs on all samples at once.</source><translation>Uma coluna do conjunto de dados do circuito: o circuito roda em todas as amostras de uma vez.</translation></message><message><source>Block: n inputs -&gt; sum of w*x + b -&gt; activation.</source><translation>Bloco: n entradas -&gt; soma de w*x + b -&gt; ativação.</translation></message><message><source>Block: matrix-valued layer, (batch, nin) -&gt; (batch, nout).</source><translation>Bloco: camada matricial, (lote, nin) -&gt; (lote, nout).</translation></message><message><source>Marks the root of the circuit: its gradient is 1.</source><translation>Marca a raiz do circuito: seu gradiente é 1.</translation></message></context><context><name>ops</name><message><source>Sum: routes the gradient unchanged to both inputs.</source><translation>Soma: repassa o gradiente inalterado às duas entradas.</translation></message><message><source>Difference.</source><translation>Diferença.</translation></message><message><source>Product: each input's gradient is the other input times the upstream gradient.</source><translation>Produto: o gradiente de cada entrada é a outra entrada vezes o gradiente que chega.</translation></message><message><source>Quotient.</source><translation>Quociente.</translation></message><message><source>Negation.</source><translation>Negação.</translation></message><message><source>Power with a variable exponent.</source><translation>Potência com expoente variável.</translation></message><message><source>Power with a constant exponent k (the lecture's x**2).</source><translation>Potência com expoente constante k (o x**2 da aula).</translation></message><message><source>Square.</source><translation>Quadrado.</translation></message><message><source>Maximum gate: routes the gradient to the larger input.</source><translation>Porta de máximo: envia o gradiente à maior entrada.</translation></message><message><source>Natural exponential.</source><translation>Exponencial natural.</translation></message><message><source>Natural logarithm.</source><translation>Logaritmo natural.</translation></message><message><source>Sine.</source><translation>Seno.</translation></message><message><source>Cosine.</source><translation>Cosseno.</translation></message><message><source>Absolute value.</source><translation>Valor absoluto.</translation></message><message><source>Hyperbolic tangent: squashes to (-1, 1).</source><translation>Tangente hiperbólica: comprime para (-1, 1).</translation></message><message><source>Logistic sigmoid: squashes to (0, 1).</source><translation>Sigmoide logística: comprime para (0, 1).</translation></message><message><source>Rectified linear unit: max(0, x).</source><translation>Unidade linear retificada: max(0, x).</translation></message><message><source>Matrix product.</source><translation>Produto de matrizes.</translation></message><message><source>Sum of elements.</source><translation>Soma dos elementos.</translation></message><message><source>Mean of elements.</source><translation>Média dos elementos.</translation></message><message><source>Reshape.</source><translation>Redimensionamento.</translation></message><message><source>Transpose.</source><translation>Transposição.</translation></message><message><source>Softmax.</source><translation>Softmax.</translation></message><message><source>Mean squared error.</source><translation>Erro quadrático médio.</translation></message><message><source>Binary cross-entropy on probabilities (log clamped at -100).</source><translation>Entropia cruzada binária sobre probabilidades (log limitado a -100).</translation></message><message><source>Binary cross-entropy from logits, stable for any z.</source><translation>Entropia cruzada binária a partir de logits, estável para qualquer z.</translation></message><message><source>Softmax cross-entropy; target is class indices or one-hot rows.</source><translation>Entropia cruzada softmax; o alvo são índices de classe ou linhas one-hot.</translation></message><message><source>Max-margin (hinge) loss with targets ±1.</source><translation>Perda de margem máxima (hinge) com alvos ±1.</translation></message></context></TS>