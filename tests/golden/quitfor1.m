quitfor1 ; QUIT inside FOR bodies at different levels
 for i=1:1:3 do  quit:i=2
 . for j=1:1:3 quit:j=2  write i,j," "
 . write "| "
 write !,"i=",i," j=",j,!
 for i=1:1:3 for j=1:1:3 quit:j>1  write i,j," "
 write !,"i=",i," j=",j,!
 do lab
 write "back",!
 quit
lab for k=1:1 quit:k>2  write "k=",k,!
 write "lab continues after for k=",k,!
 quit
 write "never",!
